using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Tests.Importers;

/// <summary>Every input kind has one importer, and what an import of it makes stale is said in one place (its Reach).</summary>
public sealed class ImporterSetTests
{
    [Fact]
    public void Every_input_kind_but_ignored_has_one_importer()
    {
        var kinds = Enum.GetValues<InputKind>().Where(k => k != InputKind.Ignored).ToList();
        Assert.All(kinds, k => Assert.Single(ImporterSet.All, i => i.Kind == k));
        Assert.Null(ImporterSet.For(InputKind.Ignored));
    }

    [Fact]
    public void Each_kind_marks_what_it_changes()
    {
        // Projects (project-count targets) and schemes (every composite) change what every period computes: a correction
        // of either must be recomputed and published, not left stale until someone recomputes by hand (issue 31, 5 and 6).
        var expected = new Dictionary<InputKind, ImportReach>
        {
            [InputKind.Indicators] = ImportReach.Everything, [InputKind.Groups] = ImportReach.Everything, [InputKind.Zones] = ImportReach.Everything,
            [InputKind.ValidationRules] = ImportReach.Everything, [InputKind.Targets] = ImportReach.Everything,
            [InputKind.OfficialRanks] = ImportReach.Everything, [InputKind.Scheme] = ImportReach.Everything,
            [InputKind.Projects] = ImportReach.Everything, [InputKind.Observations] = ImportReach.Periods,
        };
        Assert.Equal(expected, ImporterSet.All.ToDictionary(i => i.Kind, i => i.Reach));
    }
}
