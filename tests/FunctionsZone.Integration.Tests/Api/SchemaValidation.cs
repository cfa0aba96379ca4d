using System.Text.Json;
using Azure.Storage.Blobs;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Storage.Snapshots;
using Json.Schema;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>JSON Schema validation with JsonSchema.Net; each schema gets its own registry so equal $ids never clash.</summary>
public static class SchemaValidation
{
    public static JsonSchema FromText(string text) => JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static JsonSchema FromDocs(string name) => FromText(File.ReadAllText(Path.Combine(Azurite.RepoRoot, "docs/schemas", name)));

    /// <summary>A schema as published with the version (its schemas/{name}, the object the manifest names), decoded from gzip.</summary>
    public static JsonSchema Load(BlobContainerClient container, FunctionsZone.Core.Snapshots.SnapshotManifest manifest, string name)
    {
        var raw = container.GetBlobClient(manifest.ObjectOf($"schemas/{name}")).DownloadContent().Value.Content.ToArray();
        return FromText(System.Text.Encoding.UTF8.GetString(SnapshotEncoding.Gunzip(raw)));
    }

    public static EvaluationResults Evaluate(JsonSchema schema, byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        return schema.Evaluate(doc.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    public static string Errors(EvaluationResults r) => string.Join("; ",
        (r.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(5)
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));
}
