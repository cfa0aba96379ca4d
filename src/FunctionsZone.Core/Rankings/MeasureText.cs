namespace FunctionsZone.Core.Rankings;

/// <summary>A measure as a request or a command line names it (level/总量, growth/增速): one parse for the API and fz.</summary>
public static class MeasureText
{
    /// <summary>Empty is level (总量); anything else unknown is false.</summary>
    public static bool TryParse(string? text, out Measure measure)
    {
        measure = Measure.Level;
        if (string.IsNullOrEmpty(text)) return true;
        return text.ToLowerInvariant() switch
        {
            "level" or "总量" => true,
            "growth" or "增速" => (measure = Measure.Growth) == Measure.Growth,
            _ => false,
        };
    }
}
