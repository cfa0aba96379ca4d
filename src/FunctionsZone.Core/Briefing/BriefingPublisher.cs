using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Briefing;

/// <summary>
/// The briefings published with a snapshot version, beside the zone pages: periods/{p}/zones/{zone}.briefing.md and
/// .briefing.docx, for every month and every zone with figures in it that is ranked in its city (a group with a
/// reference unit: the briefing is written in the city's field). They are read from the version's own files, through
/// the same reader and builder as fz briefing, so the published briefing and the one fz prints are the same.
/// </summary>
public sealed class BriefingPublisher(BriefingOptions options)
{
    public static BriefingPublisher Default { get; } = new(new BriefingOptions());

    public const string MarkdownSuffix = ".briefing.md";
    public const string DocxSuffix = ".briefing.docx";

    /// <summary>Rendered files rather than data: not JSON, no schema, not part of the content hash.</summary>
    public static bool IsBriefing(string path) => path.EndsWith(MarkdownSuffix, StringComparison.Ordinal) || path.EndsWith(DocxSuffix, StringComparison.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Render(IReadOnlyDictionary<string, byte[]> files, SnapshotPointer pointer)
    {
        var formats = options.Formats;
        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (formats.Count == 0) return output;
        var reader = new SnapshotReader(new DraftStore(files, pointer));
        var template = BriefingTemplate.Load("zh", string.IsNullOrWhiteSpace(options.BriefingTemplates) ? null : options.BriefingTemplates);
        foreach (var period in pointer.Periods.Where(p => Period.TryParse(p, out var x) && x.IsMonth))
        {
            var zones = Zones(reader, pointer, period).GetAwaiter().GetResult();
            foreach (var zone in zones)
            {
                var data = BriefingData.LoadAsync(reader, zone, period, options.Peers).GetAwaiter().GetResult();
                var b = BriefingBuilder.Build(data, template);
                var stem = $"periods/{period}/zones/{zone}";
                if (formats.Contains("md")) output[stem + MarkdownSuffix] = BriefingRendering.Render(b, "md");
                if (formats.Contains("docx")) output[stem + DocxSuffix] = BriefingRendering.Render(b, "docx");
            }
        }
        return output;
    }

    /// <summary>Zones with a figure in the month that are ranked in a group with a reference unit (their city).</summary>
    private static async Task<IReadOnlyList<string>> Zones(SnapshotReader reader, SnapshotPointer pointer, string period)
    {
        var registry = await reader.RegistryAsync(pointer);
        var obs = await reader.ReadAsync<SnapshotReader.ObservationsDocument>(pointer, $"periods/{period}/observations.json");
        var withData = obs?.Observations.Where(o => o.Value is not null).Select(o => o.Zone).ToHashSet() ?? [];
        var cityGroups = registry.Groups.Where(g => g.Reference is not null).Select(g => g.Id).ToHashSet();
        return registry.Zones.Where(z => withData.Contains(z.Id) && z.Groups.Any(cityGroups.Contains)).Select(z => z.Id).ToList();
    }

    /// <summary>A version's files before they are uploaded, served to the reader as the store would serve them.</summary>
    private sealed class DraftStore(IReadOnlyDictionary<string, byte[]> files, SnapshotPointer pointer) : ISnapshotStore
    {
        // Read-only: a draft is never written, swapped or pruned.
        public Task PublishAsync(SnapshotVersion version, CancellationToken ct = default) => throw new NotSupportedException();
        public Task WriteVersionAsync(SnapshotVersion version, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<bool> SwapLatestAsync(SnapshotVersion version, string? expected, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<string>> ApplyRetentionAsync(string latestVersion, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<(SnapshotPointer? Pointer, string? ETag)> LatestWithETagAsync(CancellationToken ct = default) =>
            Task.FromResult<(SnapshotPointer?, string?)>((pointer, null));
        public Task<SnapshotPointer?> LatestAsync(CancellationToken ct = default) => Task.FromResult<SnapshotPointer?>(pointer);
        public Task<byte[]?> ReadAsync(string version, string path, CancellationToken ct = default) => Task.FromResult(files.GetValueOrDefault(path));
        public string Location(string version) => $"draft:{version}";
    }
}
