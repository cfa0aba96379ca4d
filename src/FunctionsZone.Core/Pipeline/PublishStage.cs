using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Telemetry;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;
using FunctionsZone.Core.Publishing;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// Publishes every staged period as a new snapshot version, then swaps latest (If-Match) and applies retention.
/// Unchanged content publishes nothing. Runs under the pipeline's lock.
/// </summary>
public sealed class PublishStage(IReferenceStore references, IResultStore results, ISnapshotStore snapshots, PipelineLock pipelineLock,
    RecomputeStage recompute, BriefingPublisher briefings, IPipelineHook hook, PipelineProgress progress, TimeProvider clock)
{
    /// <summary>The new latest pointer; null when the content equals the latest.</summary>
    public Task<SnapshotPointer?> PublishAsync(CancellationToken ct = default) =>
        pipelineLock.ExclusiveAsync("publish", token => PipelineTelemetry.StageAsync("publish", null, () => PublishCoreAsync(token)), ct);

    private async Task<SnapshotPointer?> PublishCoreAsync(CancellationToken ct)
    {
        // latest as it is now: the swap at the end is conditional on it (If-Match), so it never moves back.
        var (latest, etag) = await snapshots.LatestWithETagAsync(ct);
        // Each period's files go to storage as they are built; unchanged data commits nothing and renders no briefing.
        await using var draft = await snapshots.BeginVersionAsync(ct);
        var version = await SnapshotBuilder.BuildAsync(new SnapshotInputs
        {
            Registry = await references.LoadRegistryAsync(ct), OfficialRanks = OfficialRankMove.FromRanks(await references.LoadOfficialRanksAsync(ct)),
            Now = VersionTime(latest), Schemes = (await SchemeImporter.LoadCatalogAsync(references, ct)).Stored, Briefings = briefings,
            Periods = await results.ListAsync(ct), Results = StagedResults(),
        }, draft, unchangedFrom: latest?.ContentHash, ct);
        if (version is null)
        {
            progress.Report($"发布：内容未变，沿用 {latest!.Version}", $"publish: unchanged, latest stays {latest!.Version}");
            return null;
        }
        await hook.AtAsync(PipelineHook.PublishBeforeSwap, ct);
        if (!await snapshots.SwapLatestAsync(version, etag, ct))
            throw new PipelineBusyException($"发布期间 latest 已被另一次发布更新，{version.Id} 未发布 / latest moved during the publish; {version.Id} was not published");
        await hook.AtAsync(PipelineHook.PublishSwapped, ct);
        // Only now that latest has moved may old versions go.
        await snapshots.ApplyRetentionAsync(version.Id, ct);
        progress.Report($"发布：{version.Id}（{version.Manifest.Files.Count} 个文件）", $"publish: {version.Id} ({version.Manifest.Files.Count} files)");
        return await snapshots.LatestAsync(ct);
    }

    // A version is never older than the latest it replaces, whatever this machine's clock says.
    private DateTimeOffset VersionTime(SnapshotPointer? latest)
    {
        var now = clock.GetUtcNow();
        return latest is not null && latest.CreatedAt >= now ? latest.CreatedAt.AddSeconds(1) : now;
    }

    // Each period's results as publish streams them: the one recompute just saved under this hold, else the stored ones.
    private Func<Period, CancellationToken, Task<PeriodResults>> StagedResults()
    {
        RecomputeInputs? inputs = null;
        return async (p, token) =>
        {
            await hook.AtAsync(PipelineHook.PublishStreaming, token);
            if (pipelineLock.Current is { JustSaved: { } saved } hold && saved.Period == p.ToString()) { hold.JustSaved = null; return saved; }
            if (await results.LoadAsync(p, token) is { } r) return r;
            // Listed but unreadable (cut short, corrupt): recomputed from the stored figures, not fatal to the publish.
            progress.Report($"重算 {p}：结果文件无法读取", $"recomputing {p}: its results blob could not be read");
            inputs ??= await recompute.LoadInputsAsync(token);
            return await recompute.RecomputeAsync(p, inputs, token);
        };
    }
}
