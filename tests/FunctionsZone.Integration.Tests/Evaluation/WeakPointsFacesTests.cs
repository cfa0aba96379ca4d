using FunctionsZone.Core.Reading;
using System.Text.Json;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Functions.Http;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace FunctionsZone.Integration.Tests.Evaluation;

/// <summary>
/// Issue 32 item 1: one answer to "what are our 短板". Publish computes them once into the zone page; the portal renders
/// that JSON (weakPoints[0]), and /api/weakpoints, fz weakpoints and the briefing must name the same indicators, in order.
/// </summary>
public sealed class WeakPointsFacesTests(SeededStorage seeded) : IClassFixture<SeededStorage>
{
    private TestStorage S => seeded.Storage;

    [Fact]
    public async Task Portal_api_cli_and_briefing_give_the_same_weak_points_on_the_seeds()
    {
        // The portal's source: the published zone page, as the browser fetches it.
        var reader = S.Cli.Reader();
        var page = await reader.ReadAsync<JsonElement>(await reader.LatestAsync(), "periods/2022-05/zones/lc-etdz.json");
        var headline = page.GetProperty("weakPoints")[0];
        var portal = Weak(headline);
        Assert.NotEmpty(portal);

        // The API, a real request, without and with the scheme named.
        var fn = new EvaluationFunctions(reader);
        await using var host = await HttpFunctionHost.StartAsync(new Dictionary<string, Func<HttpRequest, CancellationToken, Task<IActionResult>>>
        {
            ["/api/weakpoints"] = (req, _) => fn.WeakPoints(req),
        });
        var api = Weak(JsonDocument.Parse(await host.Client.GetStringAsync("/api/weakpoints?zone=lc-etdz&period=2022-05")).RootElement);
        var scheme = headline.GetProperty("scheme").GetString()!;
        var named = Weak(JsonDocument.Parse(await host.Client.GetStringAsync($"/api/weakpoints?zone=lc-etdz&period=2022-05&scheme={scheme}")).RootElement);

        // fz, without and with the scheme.
        var (exit, json) = await S.FzAsync("weakpoints", "--zone", "聊城经济技术开发区", "--period", "2022-05", "--json");
        Assert.Equal(0, exit);
        var cli = Weak(JsonDocument.Parse(json).RootElement);
        var (_, json2) = await S.FzAsync("weakpoints", "--zone", "lc-etdz", "--period", "2022-05", "--scheme", scheme, "--json");

        Assert.Equal(portal, api);
        Assert.Equal(portal, named);
        Assert.Equal(portal, cli);
        Assert.Equal(portal, Weak(JsonDocument.Parse(json2).RootElement));

        // The briefing names exactly those, in that order, in its 短板 paragraph.
        var names = headline.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("indicator").GetString()!, i => i.GetProperty("name").GetString()!);
        var briefing = await BriefingReader.BuildAsync(reader, "lc-etdz", "2022-05", BriefingTemplate.Load("zh"));
        var paragraph = briefing.Section("weak").Paragraphs[0];
        var positions = portal.Select(code => paragraph.IndexOf(names[code] + "（失", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, paragraph));
        Assert.Equal(positions.Order(), positions);
        // And no other indicator of the scheme is called a 短板 there.
        foreach (var other in names.Where(n => !portal.Contains(n.Key)))
            Assert.DoesNotContain(other.Value + "（失", paragraph);
    }

    private static List<string> Weak(JsonElement report) => report.GetProperty("indicators").EnumerateArray()
        .Where(i => i.GetProperty("weak").GetBoolean()).Select(i => i.GetProperty("indicator").GetString()!).ToList();
}
