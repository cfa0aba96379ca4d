using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Incoming;
using FunctionsZone.Storage.References;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// Issue 31 #3: an identifier that cannot be an Azure Table key ('/', '#', '?', '\', a control character, over the
/// length) in any file kind is a finding naming its row and nothing is written; in the drop folder the poison file goes
/// to rejected and the good files beside it are imported.
/// </summary>
public sealed class HostileIdTests
{
    public static TheoryData<string> HostileIds => new()
    {
        "bad/zone", "bad#zone", "bad?zone", "bad\\zone", "bad\u0001zone", "bad\u007Fzone", "bad\u0085zone", new string('x', 1025),
    };

    private static string Csv(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";

    private static string Seed(string file) => File.ReadAllText(Path.Combine(TestStorage.SeedsFolder, file));

    private static byte[] Appended(string seedFile, JsonObject entry)
    {
        var array = JsonNode.Parse(Seed(seedFile))!.AsArray();
        array.Add(entry);
        return Encoding.UTF8.GetBytes(array.ToJsonString());
    }

    /// <summary>A file of each kind that carries the identifier where a key is made of it.</summary>
    private static IEnumerable<InputFile> FilesWith(string id)
    {
        yield return new("zones.json", Appended("zones.json", new JsonObject { ["id"] = id, ["nameZh"] = "坏开发区", ["level"] = "county" }));
        yield return new("groups.json", Appended("groups.json", new JsonObject { ["id"] = id, ["nameZh"] = "坏组" }));
        yield return new("indicators.json", Appended("indicators.json",
            new JsonObject { ["code"] = id, ["nameZh"] = "坏指标", ["unit"] = "%", ["kind"] = "rate", ["direction"] = "higher" }));
        yield return new("projects.csv", Encoding.UTF8.GetBytes($"id,zone,nameZh,totalInvestment,unit\n{Csv(id)},lc-etdz,坏项目,20,亿元\n"));
        yield return new("official-ranks.csv", Encoding.UTF8.GetBytes($"zone,evaluation,year,rank,of,grade,source\nlc-etdz,{Csv(id)},2022,1,10,,test\n"));
        yield return new("targets.csv", Encoding.UTF8.GetBytes($"zone,indicator,year,kind,target,unit,source,nameZh\nlc-etdz,{Csv(id)},2022,milestone,1,,test,里程碑\n"));
        var scheme = JsonNode.Parse(Seed("schemes/national.json"))!.AsObject();
        scheme["id"] = id;
        yield return new("schemes/hostile.json", Encoding.UTF8.GetBytes(scheme.ToJsonString()));
    }

    /// <summary>Everything an import of these kinds can write, as one text to compare.</summary>
    private static async Task<string> StoredAsync(TestStorage storage)
    {
        var r = new TableReferenceStore(storage.Clients);
        var registry = await r.LoadRegistryAsync();
        object[] all =
        [
            registry.Zones.OrderBy(z => z.Id), registry.Groups.OrderBy(g => g.Id), registry.Indicators.OrderBy(i => i.Code),
            (await r.LoadProjectsAsync()).OrderBy(p => p.Id), (await r.LoadOfficialRanksAsync()).OrderBy(o => o.Zone + o.Evaluation + o.Year),
            (await r.LoadTargetsAsync()).OrderBy(t => t.Zone + t.Indicator + t.Year), (await r.LoadSchemesAsync()).Select(s => s.Scheme.Id).Order(),
        ];
        return JsonSerializer.Serialize(all, Core.Json.Options);
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task A_hostile_id_in_any_file_kind_is_a_finding_naming_its_row_and_nothing_is_written(string id)
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var before = await StoredAsync(storage);
        foreach (var file in FilesWith(id))
        {
            var summary = await pipeline.IngestAsync(file, new IngestOptions());
            var report = JsonSerializer.Serialize(summary, Core.Json.Indented);
            Assert.True(summary.Status == ImportStatus.Error, $"{file.Name}: {report}");
            var finding = Assert.Single(summary.Findings, f => f.Message.Contains("不能用作存储键"));
            Assert.True(finding.Rows.Count > 0 || finding.Message.Contains(" 项：") || file.Name.StartsWith("schemes/"), $"{file.Name}: no row named\n{report}");
            Assert.Equal(before, await StoredAsync(storage));
        }
    }

    [Fact]
    public async Task Poison_files_in_incoming_are_rejected_and_the_good_file_beside_them_is_imported_and_published()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        var poison = FilesWith("chi/ping").Where(f => f.Name is "zones.json" or "projects.csv").ToList();
        foreach (var f in poison) await incoming.GetBlobClient(f.Name).UploadAsync(new BinaryData(f.Content));
        await incoming.GetBlobClient("good.csv").UploadAsync(new BinaryData("zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,42\n"u8.ToArray()));

        var run = await new DropFolder(storage.Clients).ProcessAsync(storage.Pipeline(), new IngestOptions());

        Assert.Equal(ImportStatus.Success, Assert.Single(run.Imports, s => s.File == "good.csv").Status);
        foreach (var f in poison) Assert.Equal(ImportStatus.Error, Assert.Single(run.Imports, s => s.File == f.Name).Status);
        Assert.NotNull(run.Snapshot);
        var stored = (await new FunctionsZone.Storage.Observations.TableObservationStore(storage.Clients).ReadPeriodsAsync([Core.Domain.Period.Parse("2022-05")]))
            .Single(o => o.Zone == "lc-etdz" && o.Indicator == "retail_sales");
        Assert.Equal(42m, stored.Value);
        Assert.DoesNotContain((await new TableReferenceStore(storage.Clients).LoadRegistryAsync()).Zones, z => z.Id == "chi/ping");

        var rejected = new List<string>();
        await foreach (var b in storage.Clients.Container(storage.Clients.Options.RejectedContainer).GetBlobsAsync()) rejected.Add(b.Name);
        foreach (var f in poison) Assert.Contains(rejected, n => n.EndsWith("/" + f.Name));
        await foreach (var b in incoming.GetBlobsAsync()) Assert.Fail($"incoming/{b.Name} was left");
    }
}
