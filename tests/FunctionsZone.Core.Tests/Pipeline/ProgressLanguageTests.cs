using System.Text.RegularExpressions;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Core.Tests.Pipeline;

/// <summary>
/// Issue 32: fz prints the pipeline's progress in the reader's language (fz run --lang en), so every progress line
/// carries both languages, and the English one holds no Chinese.
/// </summary>
public sealed partial class ProgressLanguageTests
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}|\p{IsCJKSymbolsandPunctuation}|[\uFF00-\uFFEF]")]
    private static partial Regex Cjk();

    [Fact]
    public async Task Every_progress_line_of_a_seeds_run_has_an_english_half_without_chinese_and_a_chinese_half()
    {
        var storage = MemoryPipeline.Storage();
        var pipeline = storage.Pipeline();
        var lines = new List<ProgressLine>();
        pipeline.Progress.Line += lines.Add;
        await pipeline.RunAsync(MemoryPipeline.SeedFiles(), new IngestOptions());

        Assert.Contains(lines, l => l.En.StartsWith("ingest ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.En.StartsWith("recompute ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.En.StartsWith("publish: ", StringComparison.Ordinal));
        Assert.All(lines, l =>
        {
            Assert.False(Cjk().IsMatch(l.In(english: true)), l.En);
            Assert.True(Cjk().IsMatch(l.In(english: false)), l.Zh);
        });
    }
}
