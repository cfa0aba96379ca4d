using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Briefing;

/// <summary>报头 as a bureau sends it: the briefing's name, 期号 (2022年第5期), 编发单位 and the date.</summary>
public sealed record BriefingMasthead(string Name, string Issue, string Issuer, string Date);

/// <summary>Configured masthead values (FunctionsZone:Briefing…); null: derived from the snapshot (see BriefingOptions).</summary>
public sealed record MastheadSettings(string? Issuer = null, string? IssuerEn = null, int? Issue = null, DateOnly? Date = null);

public static class MastheadWriter
{
    /// <summary>The publish date is a Chinese bureau's: the snapshot's creation time in Beijing time (UTC+8).</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static BriefingMasthead Build(BriefingContext c, MastheadSettings s)
    {
        var w = c.T.Masthead ?? throw new InvalidDataException("简报模板缺少 masthead / The briefing template has no masthead");
        var issue = BriefingText.Fill(w.Issue, ("year", c.Period(c.Data.Period.Year.ToString())),
            ("issue", s.Issue is { } n ? Setting(c, n.ToString()) : c.Period(c.Month.ToString())));
        var configured = c.T.Lang == "zh" ? s.Issuer : s.IssuerEn;
        var issuer = configured is not null ? Setting(c, configured) : BriefingText.Fill(w.Issuer, ("zone", c.Name(c.Data.Zone)));
        return new BriefingMasthead(w.Name, issue, issuer, Date(c, s.Date));
    }

    /// <summary>The masthead's date: configured, or the day the snapshot was published (traced to its manifest).</summary>
    public static string Date(BriefingContext c, DateOnly? configured = null)
    {
        var d = configured ?? DateOnly.FromDateTime(c.Data.Latest.CreatedAt.ToOffset(Beijing).DateTime);
        var text = BriefingText.Fill(c.T.Masthead!.Date, ("year", d.Year.ToString()), ("month", d.Month.ToString()), ("day", d.Day.ToString()),
            ("monthName", c.T.MonthNames.Count >= d.Month ? c.T.MonthNames[d.Month - 1] : d.Month.ToString()));
        return configured is null ? c.Figures.Add(text, null, SnapshotLayout.ManifestFile, "date") : Setting(c, text);
    }

    /// <summary>A value from the settings, logged so its digits are not taken for an untraced figure.</summary>
    private static string Setting(BriefingContext c, string text) => c.Figures.Add(text, null, "settings", "setting");
}
