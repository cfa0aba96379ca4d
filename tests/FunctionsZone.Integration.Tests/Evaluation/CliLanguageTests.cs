using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionsZone.Cli.Output;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Evaluation;

/// <summary>
/// Issue 32 item 4: fz speaks one language (--lang, default from LANG), its tables fit 100 columns (--wide for all),
/// a missing option is one bilingual line, and schemes are found by the names users type (市对区, 国评, 省评).
/// </summary>
public sealed partial class CliLanguageTests(SeededStorage seeded) : IClassFixture<SeededStorage>
{
    private TestStorage S => seeded.Storage;

    /// <summary>Every reporting command, with arguments that have data in the seeds.</summary>
    public static TheoryData<string[]> Reports => new()
    {
        new[] { "rankings", "--period", "2022-05", "--indicator", "fixed_asset_investment", "--group", "liaocheng-city" },
        new[] { "targets", "--zone", "lc-etdz", "--year", "2022" },
        new[] { "weakpoints", "--zone", "lc-etdz", "--period", "2022-05" },
        new[] { "composite", "--scheme", "national", "--period", "2021" },
        new[] { "whatif", "--zone", "lc-etdz", "--indicator", "rd_intensity", "--scheme", "national", "--period", "2021" },
        new[] { "whatif", "--zone", "lc-etdz", "--scheme", "国评", "--period", "2021", "--improve", "20" },
        new[] { "benchmark", "--zone", "lc-etdz", "--peer", "zoucheng-edz", "--indicator", "tax_per_mu", "--period", "2021" },
        new[] { "benchmark", "--zone", "lc-etdz", "--period", "2021", "--city-share" },
        new[] { "permu", "--period", "2021" },
        new[] { "history", "--zone", "lc-etdz", "--indicator", "retail_sales", "--period", "2022-05" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task English_output_has_no_chinese_and_every_table_fits_100_columns(string[] args)
    {
        var (exit, en) = await S.FzAsync([.. args, "--lang", "en"]);
        Assert.True(exit == 0, en);
        // Proper names the registry has no English name for may stay Chinese: target texts without nameEn, project names.
        var allowed = await UnnamedTargetsAsync(args);
        foreach (var line in Lines(en))
            Assert.False(Cjk().IsMatch(allowed.Aggregate(line, (l, a) => l.Replace(a, ""))), $"Chinese in --lang en: {line}");
        var (_, zh) = await S.FzAsync([.. args, "--lang", "zh"]);
        foreach (var line in Lines(en).Concat(Lines(zh)))
            Assert.True(TextTable.Width(line) <= TextTable.MaxWidth, $"{TextTable.Width(line)} columns: {line}");
        // No English words for values in the Chinese table (statuses, kinds, evaluations).
        foreach (var word in new[] { "cumulative", "behind", "at-risk", "on-track", "achieved", "provincial", "not ranked", "weak" })
            Assert.DoesNotContain(word, zh);
    }

    [Fact]
    public async Task Targets_name_the_zone_explain_their_columns_and_show_all_with_wide()
    {
        var (_, zh) = await S.FzAsync("targets", "--zone", "lc-etdz", "--year", "2022", "--lang", "zh");
        Assert.StartsWith("聊城经济技术开发区 2022 年目标", zh);
        Assert.Contains("累计", await Wide("zh"));
        Assert.Contains("完成率/序时 = 完成率 ÷ 序时进度", await Wide("zh"));
        Assert.DoesNotMatch(@"(^|\s)R(\s|$)", (await Wide("zh")).Split('\n')[1]);
        var (_, en) = await S.FzAsync("targets", "--zone", "lc-etdz", "--year", "2022", "--lang", "en");
        Assert.StartsWith("Liaocheng Economic", en);
        Assert.Contains("--wide", en);
        Assert.Contains("cumulative", await Wide("en"));
        return;

        async Task<string> Wide(string lang) => (await S.FzAsync("targets", "--zone", "lc-etdz", "--year", "2022", "--lang", lang, "--wide")).Output;
    }

    [Theory]
    [InlineData("市对区")]
    [InlineData("市对区考核")]
    [InlineData("liaocheng-city")]
    [InlineData("city")]
    public async Task The_city_scheme_is_found_by_every_name_users_type(string name)
    {
        foreach (var args in new[]
                 {
                     new[] { "composite", "--scheme", name, "--period", "2022-05", "--json" },
                     ["weakpoints", "--zone", "lc-etdz", "--scheme", name, "--period", "2022-05", "--json"],
                     ["whatif", "--zone", "lc-etdz", "--scheme", name, "--period", "2022-05", "--improve", "10", "--json"],
                 })
        {
            var (exit, output) = await S.FzAsync(args);
            Assert.True(exit == 0, $"{string.Join(' ', args)}: {output}");
        }
        var (_, weak) = await S.FzAsync("weakpoints", "--zone", "lc-etdz", "--scheme", name, "--period", "2022-05", "--json");
        Assert.Equal("liaocheng-city", JsonDocument.Parse(weak).RootElement.GetProperty("scheme").GetString());
    }

    [Theory]
    [InlineData("国评", "national")]
    [InlineData("省评", "shandong")]
    public async Task National_and_provincial_schemes_are_found_by_their_short_names(string name, string id)
    {
        var (exit, weak) = await S.FzAsync("weakpoints", "--zone", "lc-etdz", "--scheme", name, "--period", "2021", "--json");
        Assert.Equal(0, exit);
        Assert.Equal(id, JsonDocument.Parse(weak).RootElement.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task A_missing_option_is_one_bilingual_line_and_exit_1()
    {
        var (exit, stdout, stderr) = await RunAsync(null, "targets", "--zone", "lc-etdz");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout.Trim());
        var line = Assert.Single(Lines(stderr));
        Assert.Contains("--year", line);
        Assert.Matches(Cjk(), line);
        Assert.Contains("missing option", line);
        Assert.DoesNotContain("Usage", line);

        // A bad value, whose message System.CommandLine spreads over lines, is one line too.
        var (badExit, _, bad) = await RunAsync(null, "targets", "--zone", "lc-etdz", "--year", "2022", "--lang", "fr");
        Assert.Equal(1, badExit);
        Assert.Contains("usage error", Assert.Single(Lines(bad)));
    }

    [Fact]
    public async Task The_language_defaults_from_lang()
    {
        var (exit, en, _) = await RunAsync("en_US.UTF-8", "rankings", "--period", "2022-05", "--indicator", "fixed_asset_investment", "--group", "liaocheng-city");
        Assert.Equal(0, exit);
        Assert.Contains("Rank", en);
        Assert.DoesNotMatch(Cjk(), en);
        var (_, zh, _) = await RunAsync("C.UTF-8", "rankings", "--period", "2022-05", "--indicator", "fixed_asset_investment", "--group", "liaocheng-city");
        Assert.Contains("位次", zh);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string? lang, params string[] args)
    {
        var start = FzProcess.StartInfo(S.Configuration, Path.GetTempPath(), args);
        if (lang is not null) start.Environment["LANG"] = lang;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    private async Task<IReadOnlyList<string>> UnnamedTargetsAsync(string[] args)
    {
        if (args[0] != "targets") return [];
        var (_, json) = await S.FzAsync([.. args, "--json"]);
        var targets = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var texts = targets.Where(t => string.IsNullOrEmpty(t.GetProperty("nameEn").GetString())).Select(t => t.GetProperty("name").GetString()!);
        // Project names come from projects.csv, which has no English names (the import reports each as missing-english-name).
        var projects = targets.Where(t => t.TryGetProperty("undatedProjects", out var u) && u.ValueKind == JsonValueKind.Array)
            .SelectMany(t => t.GetProperty("undatedProjects").EnumerateArray().Select(p => p.GetString()!.Split('（')[0])); // the name, not its （20亿元）
        return texts.Concat(projects).OrderByDescending(n => n.Length).ToList();
    }

    private static IEnumerable<string> Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'));

    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();
}
