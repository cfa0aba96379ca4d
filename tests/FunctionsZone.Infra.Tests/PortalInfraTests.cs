using System.Text.Json.Nodes;

namespace FunctionsZone.Infra.Tests;

/// <summary>
/// The portal from infra (issue 12): a Free Static Web App unless portalHosting is 'none', and its origin allowed by
/// the blob service's CORS rule and the Function App's CORS list. The compiled template's expressions are evaluated
/// with chosen parameter values (ArmExpression), so each test sees what that deployment would create.
/// </summary>
public class PortalInfraTests
{
    private const string SwaOrigin = "https://gentle-sea-0a1b2c3d4.azurestaticapps.net";

    /// <summary>main.bicep's defaults with these values over them.</summary>
    private static Dictionary<string, JsonNode?> Parameters(string portalHosting, string portalOrigin = "", string? corsOrigins = null)
    {
        var values = new Dictionary<string, JsonNode?>();
        foreach (var (name, p) in CompiledTemplate.Root["parameters"]!.AsObject())
            if (p!["defaultValue"] is { } d) values[name] = d.DeepClone();
        values["environmentName"] = "zone";
        values["location"] = "eastasia";
        values["portalHosting"] = portalHosting;
        values["portalOrigin"] = portalOrigin;
        if (corsOrigins is not null) values["corsOrigins"] = corsOrigins;
        return values;
    }

    /// <summary>reference('portal') as ARM returns it once the Static Web App module has run.</summary>
    private static JsonNode? DeployedPortal(string name) => name == "portal"
        ? JsonNode.Parse($$"""{ "outputs": { "origin": { "value": "{{SwaOrigin}}" }, "name": { "value": "stapp-fz-x" } } }""")
        : throw new InvalidOperationException($"reference('{name}') was evaluated");

    private static ArmExpression Main(Dictionary<string, JsonNode?> parameters) => new(parameters, DeployedPortal);

    private static JsonObject Module(string name) => CompiledTemplate.AllResources()
        .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name);

    /// <summary>The values main.bicep hands a module for these of its parameters, evaluated.</summary>
    private static Dictionary<string, JsonNode?> ModuleParameters(string module, ArmExpression main, params string[] names)
    {
        var parameters = Module(module)["properties"]!["parameters"]!;
        return names.ToDictionary(n => n, n => main.Value(parameters[n]!["value"]));
    }

    private static JsonObject NestedResource(string module, string type) =>
        CompiledTemplate.Resources(Module(module)["properties"]!["template"]!.AsObject(), recurse: false)
            .Single(r => (string?)r["type"] == type);

    private static List<string?> Strings(JsonNode? array) => Assert.IsType<JsonArray>(array).Select(n => (string?)n).ToList();

    [Fact]
    public void The_static_web_app_is_created_when_portalHosting_is_staticWebApp_and_not_when_none()
    {
        var allowed = Strings(CompiledTemplate.Root["parameters"]!["portalHosting"]!["allowedValues"]);
        Assert.Equal(["staticWebApp", "none"], allowed);
        Assert.Equal("staticWebApp", (string?)CompiledTemplate.DefaultOf("portalHosting"));

        var condition = Module("portal")["condition"];
        Assert.Equal(true, (bool?)Main(Parameters("staticWebApp")).Value(condition));
        Assert.Equal(false, (bool?)Main(Parameters("none")).Value(condition));

        var swa = Assert.Single(CompiledTemplate.ResourcesOfType("Microsoft.Web/staticSites"));
        Assert.Equal("Free", (string?)swa["sku"]!["name"]);
        Assert.Equal("Free", (string?)swa["sku"]!["tier"]);
        Assert.Equal("Custom", (string?)swa["properties"]!["provider"]);
        // Static Web Apps exist in five regions only: the parameter offers no other.
        var regions = Strings(CompiledTemplate.Root["parameters"]!["portalLocation"]!["allowedValues"]);
        Assert.Equal(["eastasia", "westeurope", "westus2", "centralus", "eastus2"], regions);
        Assert.Equal("[parameters('portalLocation')]", (string?)Module("portal")["properties"]!["parameters"]!["location"]!["value"]);
    }

    public static TheoryData<string, string, string[]> PortalOrigins => new()
    {
        { "staticWebApp", "", [SwaOrigin] },
        { "staticWebApp", " https://zone.example.org ", [SwaOrigin, "https://zone.example.org"] },
        { "none", "https://zone.example.org", ["https://zone.example.org"] },
    };

    [Theory]
    [MemberData(nameof(PortalOrigins))]
    public void The_blob_cors_rule_allows_the_portal_origin_to_read_the_snapshots(string hosting, string portalOrigin, string[] expected)
    {
        var storage = ModuleParameters("storage", Main(Parameters(hosting, portalOrigin)), "corsAllowedOrigins");
        Assert.Equal(expected, Strings(storage["corsAllowedOrigins"]));

        var blobService = NestedResource("storage", "Microsoft.Storage/storageAccounts/blobServices");
        var rules = Assert.IsType<JsonArray>(new ArmExpression(storage).Value(blobService["properties"]!["cors"]!["corsRules"]));
        var rule = Assert.Single(rules)!;
        Assert.Equal(expected, Strings(rule["allowedOrigins"]));
        Assert.Equal(["GET", "HEAD"], Strings(rule["allowedMethods"]));
        Assert.Equal(["If-None-Match"], Strings(rule["allowedHeaders"]));
        Assert.Equal(["ETag"], Strings(rule["exposedHeaders"]));
        Assert.True((long)rule["maxAgeInSeconds"]! > 0);
    }

    [Fact]
    public void Without_a_portal_the_blob_service_has_no_cors_rule_and_nothing_reads_the_missing_module()
    {
        // Without DeployedPortal any reference() fails the test: with 'none' the portal module's outputs are not read.
        var storage = ModuleParameters("storage", new ArmExpression(Parameters("none")), "corsAllowedOrigins");
        Assert.Empty(Assert.IsType<JsonArray>(storage["corsAllowedOrigins"]));

        var blobService = NestedResource("storage", "Microsoft.Storage/storageAccounts/blobServices");
        Assert.Empty(Assert.IsType<JsonArray>(new ArmExpression(storage).Value(blobService["properties"]!["cors"]!["corsRules"])));
        Assert.Equal("", (string?)new ArmExpression(Parameters("none")).Value(CompiledTemplate.Root["outputs"]!["PORTAL_URL"]!["value"]));
    }

    [Fact]
    public void The_function_app_cors_list_holds_the_portal_origin_beside_corsOrigins()
    {
        var main = Main(Parameters("staticWebApp", corsOrigins: "https://zones.example.org, http://localhost:3000"));
        var app = ModuleParameters("functionapp", main, "corsAllowedOrigins");
        var origins = Strings(app["corsAllowedOrigins"]);
        Assert.Equal(["https://zones.example.org", "http://localhost:3000", SwaOrigin], origins);

        // The platform's CORS (siteConfig.cors) and the worker's setting are the same list.
        var site = NestedResource("functionapp", "Microsoft.Web/sites");
        var cors = new ArmExpression(app).Value(site["properties"]!["siteConfig"]!["cors"]);
        Assert.Equal(origins, Strings(cors!["allowedOrigins"]));
        var setting = Module("functionapp")["properties"]!["parameters"]!["appSettings"]!["value"]!["FunctionsZone__CorsOrigins"];
        Assert.Equal(string.Join(',', origins), (string?)main.Value(setting));

        var none = ModuleParameters("functionapp", new ArmExpression(Parameters("none")), "corsAllowedOrigins");
        Assert.Equal(["http://localhost:3000"], Strings(none["corsAllowedOrigins"]));
    }

    [Fact]
    public void Outputs_give_the_portal_url_but_never_its_deployment_token()
    {
        var outputs = CompiledTemplate.Root["outputs"]!.AsObject();
        Assert.Equal(SwaOrigin, (string?)Main(Parameters("staticWebApp")).Value(outputs["PORTAL_URL"]!["value"]));
        Assert.Equal("stapp-fz-x", (string?)Main(Parameters("staticWebApp")).Value(outputs["AZURE_STATIC_WEB_APP_NAME"]!["value"]));
        // The deployment token comes from `az staticwebapp secrets list`; the template never lists it.
        Assert.DoesNotContain("listSecrets", CompiledTemplate.Json, StringComparison.OrdinalIgnoreCase);
        Assert.All(outputs, o => Assert.DoesNotContain("apiKey", (string?)o.Value!["value"] ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.All(outputs.Select(o => o.Key), name => Assert.DoesNotContain("token", name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_parameters_file_lets_azd_choose_the_portal_hosting()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraDir, "main.parameters.json")))!["parameters"]!;
        Assert.Equal("${FZ_PORTAL_HOSTING=staticWebApp}", (string?)file["portalHosting"]!["value"]);
        Assert.Equal("${FZ_PORTAL_ORIGIN=}", (string?)file["portalOrigin"]!["value"]);
    }
}
