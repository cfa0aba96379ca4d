using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Telemetry;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// Imports files by any route (a run, HTTP, fz): refused unread when too large or undecodable, else given to its
/// kind's importer (<see cref="ImporterSet"/>); every summary is saved in the import log, a dry run's excepted.
/// Imports that write go one at a time (<see cref="IImportLease"/>), and once one holds the lock it runs to its end even
/// if its caller leaves (a client that disconnects mid-upload): only losing the lock stops it.
/// </summary>
public sealed class IngestStage(ImportStores stores, IImportLease? importLease = null)
{
    public Task<ImportSummary> IngestAsync(InputFile file, IngestOptions options, CancellationToken ct = default) => IngestAsync(file, options, null, ct);

    private async Task<ImportSummary> IngestAsync(InputFile file, IngestOptions options, ParsedObservations? parsed, CancellationToken ct)
    {
        using var activity = PipelineTelemetry.StartImport(file);
        var summary = await ImportAsync(file, options, parsed, ct);
        PipelineTelemetry.RecordImport(activity, summary);
        return summary;
    }

    /// <summary>
    /// The files imported one after another, as <see cref="IngestAsync(InputFile, IngestOptions, CancellationToken)"/> would,
    /// each summary as its file is done; the next observation file is read and resolved while the files before it write
    /// (targets, schemes, the observation file before), so the storage does not wait for the parse. Parsing needs only the
    /// registry, which only a registry file changes: no file is parsed ahead of one (<see cref="ImporterSet.NextToParse"/>).
    /// </summary>
    public async IAsyncEnumerable<ImportSummary> IngestEachAsync(IReadOnlyList<InputFile> files, IngestOptions options,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        // The file parsed ahead and its index in files.
        (int At, Task<ParsedObservations> Parse)? ahead = null;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                ParsedObservations? parsed = null;
                if (ahead?.At == i) (parsed, ahead) = (await ahead.Value.Parse, null);
                // The next observation file, parsed while this file (and any targets or schemes before it) writes.
                if (ahead is null && ImporterSet.NextToParse(files, i, options) is { } j)
                {
                    var next = files[j];
                    ahead = (j, Task.Run(async () => ParsedObservations.Read(stores.Tables, next, await stores.References.LoadRegistryAsync(ct), options), ct));
                }
                yield return await IngestAsync(files[i], options, parsed, ct);
            }
        }
        finally { await ReadAhead.SettleAsync(ahead?.Parse); }
    }

    /// <summary>A file that could not even be read (an unsafe or vanished blob name): its summary, saved like any import's.</summary>
    public async Task<ImportSummary> RefuseAsync(string name, Finding finding, CancellationToken ct = default)
    {
        var started = stores.Clock.GetUtcNow();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
        var summary = new ImportSummary
        {
            ImportId = ImportSummary.NewId(started, sha), File = Quote.Cell(name, 200), Status = ImportStatus.Error,
            Counts = new ImportCounts(0, 0, 0, 0), Findings = ImportSummary.Group([finding]), Kind = InputKind.Ignored.ToString().ToLowerInvariant(),
            StartedAt = started, FinishedAt = started,
        };
        await stores.Log.SaveAsync(summary, ct);
        return summary;
    }

    private async Task<ImportSummary> ImportAsync(InputFile file, IngestOptions options, ParsedObservations? parsed, CancellationToken ct)
    {
        // The size is checked on the bytes, before anything decodes them (telling a CSV's kind reads its text).
        var kind = file.Extension == ".json" || file.IsSpreadsheet ? file.Kind : InputKind.Observations;
        var refused = Refusal.Of(file, options);
        if (refused is null) kind = file.Kind;
        var importer = refused is null ? ImporterSet.For(kind) : null;
        var context = new ImportContext(file, options, stores, stores.Clock.GetUtcNow(), importer?.Reach ?? ImportReach.Nothing, parsed);
        var outcome = ImportOutcome.Of(new ImportCounts(0, 0, 0, 0));
        if (refused is not null) context.Findings.Add(refused);
        else if (importer is null) context.Findings.Add(UnknownFile(file));
        else if (options.DryRun || importLease is null) outcome = await importer.ImportAsync(context, ct);
        else
        {
            await using var held = await importLease.AcquireAsync($"import {Quote.Cell(file.Name, 80)}", ct);
            try
            {
                outcome = await importer.ImportAsync(context, held.Lost);
                return await SaveAsync(context, kind, outcome, held.Lost);
            }
            catch (OperationCanceledException) when (held.Lost.IsCancellationRequested)
            {
                // Storage went away under the import: that is what the caller should hear (exit 3, 503).
                if (held.LostBecause is StorageUnavailableException down) throw new StorageUnavailableException(down.Message, down);
                throw new PipelineBusyException($"导入锁丢失，「{file.Name}」已停止，请重试 / The import lock was lost; '{file.Name}' stopped, please retry");
            }
        }
        return options.DryRun ? context.Summary(kind, ImportSummary.StatusOf(context.Findings), outcome.Counts, outcome.Periods)
            : await SaveAsync(context, kind, outcome, ct);
    }

    private async Task<ImportSummary> SaveAsync(ImportContext context, InputKind kind, ImportOutcome outcome, CancellationToken ct)
    {
        var summary = context.Summary(kind, ImportSummary.StatusOf(context.Findings), outcome.Counts, outcome.Periods);
        await stores.Log.SaveAsync(summary, ct);
        return summary;
    }

    private static Finding UnknownFile(InputFile file) => new()
    {
        Code = "unknown-file", Severity = Severity.Error,
        MessageZh = $"无法识别的文件「{Quote.Cell(file.Name)}」，未导入", MessageEn = $"File '{Quote.Cell(file.Name)}' is not a recognised input and was not imported",
    };
}
