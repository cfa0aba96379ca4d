using FunctionsZone.Core.Domain;
namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 考核位次: "2021年，开发区在217家国家级经开区中排名116位，较上一年度提升了76个位次；…" — each evaluation's latest
/// published year up to the briefing's, with the move official-ranks.json publishes (the API serves the same).
/// </summary>
public static class OfficialRanksSection
{
    private static readonly string[] Order = ["national", "provincial", "city"];

    public static BriefingSection Build(BriefingContext c)
    {
        var w = c.T.Official;
        var latest = c.Data.Official
            .Where(o => o.Year <= c.Data.Period.Year)
            .GroupBy(o => o.Evaluation)
            .Select(g => g.MaxBy(o => o.Year)!)
            .OrderBy(o => Array.IndexOf(Order, o.Evaluation) is var i && i < 0 ? Order.Length : i)
            .ToList();
        var paragraphs = latest.GroupBy(o => o.Year).OrderByDescending(g => g.Key).Select(year =>
        {
            var clauses = year.Select(o =>
            {
                var pattern = w.Evaluations.GetValueOrDefault(o.Evaluation, "{rank}/{of}");
                var rank = BriefingText.Fill(pattern,
                    ("rank", c.Integer(o.Rank, BriefingData.OfficialFile, "rank", o.Evaluation)),
                    ("of", pattern.Contains("{of}") ? c.Integer(o.Of, BriefingData.OfficialFile, "rank", o.Evaluation) : null),
                    ("grade", string.IsNullOrEmpty(o.Grade) ? "" : BriefingText.Fill(w.Grade, ("grade", w.Grades.GetValueOrDefault(o.Grade) ?? UnitCatalogue.Grade(o.Grade, c.T.Lang)))));
                // A previous rank in another field (a partial list, a different scope) gives no move: the sentence says so.
                if (o.Move is null && o.NotComparableZh is not null && w.Move.TryGetValue("notComparable", out var notComparable))
                    return rank + c.T.Clause + notComparable;
                if (o.Move is not { } m) return rank;
                var move = m == 0 ? w.Move["same"]
                    : BriefingText.Fill(w.Move[m > 0 ? "up" : "down"], ("n", c.Integer(Math.Abs(m), BriefingData.OfficialFile, "rank", o.Evaluation)));
                return rank + c.T.Clause + move;
            });
            var opening = BriefingText.Fill(w.Opening, ("year", c.Integer(year.Key, BriefingData.OfficialFile, "period")));
            return opening + string.Join(c.T.ItemSeparator, clauses) + c.T.SentenceEnd;
        }).ToList();
        if (paragraphs.Count == 0) paragraphs.Add(w.None);
        return new BriefingSection("official", c.T.Heading("official"), paragraphs);
    }
}
