using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Core.Publishing;

/// <summary>
/// The briefings published with a snapshot version, beside the zone pages: periods/{p}/zones/{zone}.briefing.md and
/// .briefing.docx, for every month and every zone with figures in it that is ranked in its city (a group with a
/// reference unit: the briefing is written in the city's field). They are read from the version's own files, through
/// the same reader and builder as fz briefing, so the published briefing and the one fz prints are the same.
/// </summary>
public sealed class BriefingPublisher(BriefingOptions options, IBriefingRenderer renderer)
{
    /// <summary>Publishes no briefing: a snapshot built without the composition root's publisher (tests of the builder).</summary>
    public static BriefingPublisher None { get; } = new(new BriefingOptions { PublishBriefings = "" }, new NoRenderer());

    public const string MarkdownSuffix = SnapshotLayout.BriefingMarkdownSuffix;
    public const string DocxSuffix = SnapshotLayout.BriefingDocxSuffix;

    /// <summary>Rendered files rather than data: not JSON, no schema, not part of the content hash.</summary>
    public static bool IsBriefing(string path) => SnapshotLayout.IsBriefing(path);

    /// <summary>
    /// The zones of a period that get a briefing: in a month, with a figure, ranked in a group with a reference unit
    /// (their city). Asked of each period's results as publish streams them, so rendering later reads only those months.
    /// </summary>
    public IReadOnlyList<string> ZonesFor(ZoneRegistry registry, PeriodResults results)
    {
        if (options.Formats.Count == 0 || !Period.TryParse(results.Period, out var p) || !p.IsMonth) return [];
        var withData = results.Observations.Concat(results.Derived).Where(o => o.Value is not null).Select(o => o.Zone).ToHashSet(StringComparer.Ordinal);
        var cityGroups = registry.Groups.Where(g => g.Reference is not null).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        return registry.Zones.Where(z => withData.Contains(z.Id) && z.Groups.Any(cityGroups.Contains)).Select(z => z.Id).ToList();
    }

    /// <summary>
    /// Renders the briefings of <paramref name="zonesByPeriod"/> from the version's own files (<paramref name="read"/>: a
    /// logical path's bytes), handing each rendered file to <paramref name="emit"/> as it is done.
    /// </summary>
    public async Task RenderAsync(Func<string, CancellationToken, Task<byte[]?>> read, SnapshotPointer pointer,
        IReadOnlyDictionary<string, IReadOnlyList<string>> zonesByPeriod, Func<string, byte[], Task> emit, CancellationToken ct = default)
    {
        var formats = options.Formats;
        if (formats.Count == 0 || zonesByPeriod.Count == 0) return;
        var reader = new SnapshotReader(new DraftSource(read, pointer));
        var template = BriefingTemplate.Load("zh", string.IsNullOrWhiteSpace(options.BriefingTemplates) ? null : options.BriefingTemplates);
        foreach (var (period, zones) in zonesByPeriod.OrderBy(p => p.Key, StringComparer.Ordinal))
        foreach (var zone in zones)
        {
            var data = await BriefingReader.LoadAsync(reader, zone, period, options.Peers, ct);
            var b = BriefingBuilder.Build(data, template, options.Masthead(published: true));
            var stem = SnapshotLayout.ZoneStem(period, zone);
            if (formats.Contains("md")) await emit(stem + MarkdownSuffix, renderer.Render(b, "md"));
            if (formats.Contains("docx")) await emit(stem + DocxSuffix, renderer.Render(b, "docx"));
        }
    }

    /// <summary>None's renderer: None publishes no format, so nothing is ever rendered.</summary>
    private sealed class NoRenderer : IBriefingRenderer
    {
        public byte[] Render(Briefing.Briefing briefing, string format) => throw new InvalidOperationException("no briefing renderer");
    }

    /// <summary>A version's files before it is committed (no manifest yet), served to the reader as the store would serve them.</summary>
    private sealed class DraftSource(Func<string, CancellationToken, Task<byte[]?>> read, SnapshotPointer pointer) : ISnapshotSource
    {
        public Task<SnapshotPointer?> LatestAsync(CancellationToken ct = default) => Task.FromResult<SnapshotPointer?>(pointer);
        public Task<byte[]?> ReadAsync(string version, string path, CancellationToken ct = default) => read(path, ct);
    }
}
