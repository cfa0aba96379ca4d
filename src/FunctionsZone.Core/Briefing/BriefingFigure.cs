namespace FunctionsZone.Core.Briefing;

/// <summary>
/// One number the briefing states, with the published file it was read from: Text is how it is written
/// (9.39亿), Value the number in the file (9.39). The trace test finds every figure in its file.
/// </summary>
/// <param name="Basis">reported, computed (our arithmetic on published figures), derived (亩均), rank, period.</param>
/// <param name="Value">The number as the file holds it; null for a text figure (the snapshot version), found verbatim.</param>
/// <param name="Label">What the figure is (the indicator's name), for the data note.</param>
/// <param name="Source">The observation's source (speech, speech-derived, illustrative, a file), where it has one.</param>
public sealed record BriefingFigure(string Text, decimal? Value, string File, string Basis, string? Label = null, string? Source = null);

/// <summary>Collects the figures as the sections write them.</summary>
public sealed class FigureLog
{
    private readonly List<BriefingFigure> _figures = [];
    public IReadOnlyList<BriefingFigure> All => _figures;

    /// <summary>Records the figure and returns its text, so a section writes and traces a number in one step.</summary>
    public string Add(string text, decimal? value, string file, string basis, string? label = null, string? source = null)
    {
        _figures.Add(new BriefingFigure(text, value, file, basis, label, source));
        return text;
    }
}
