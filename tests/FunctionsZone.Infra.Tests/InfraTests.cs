using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FunctionsZone.Infra.Tests;

public class BicepBuildTests
{
    [Fact]
    public void Build_succeeds_without_errors_or_warnings()
    {
        var r = CompiledTemplate.BuildResult;
        Assert.True(r.ExitCode == 0, $"bicep build exited {r.ExitCode}:\n{r.StdErr}");
        // bicep prints diagnostics (errors, warnings, linter findings) on stderr.
        Assert.True(string.IsNullOrWhiteSpace(r.StdErr), $"bicep build reported diagnostics:\n{r.StdErr}");
        Assert.DoesNotMatch(new Regex(@"\b(Warning|Error)\b\s+\S+:"), r.StdOut);
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            (string?)CompiledTemplate.Root["$schema"]);
    }

    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Bicep.InfraDir, "*.bicep", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(Bicep.RepoRoot, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lint_is_clean(string relativePath)
    {
        var r = Bicep.Run("lint", Path.Combine(Bicep.RepoRoot, relativePath));
        Assert.True(r.ExitCode == 0, $"bicep lint {relativePath} exited {r.ExitCode}:\n{r.StdErr}{r.StdOut}");
        Assert.True(string.IsNullOrWhiteSpace(r.StdErr) && string.IsNullOrWhiteSpace(r.StdOut),
            $"bicep lint {relativePath} reported:\n{r.StdErr}{r.StdOut}");
    }

    [Fact]
    public void Bicepconfig_turns_linter_rules_into_errors()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraDir, "bicepconfig.json")))!;
        var core = config["analyzers"]!["core"]!;
        Assert.True((bool)core["enabled"]!);
        var rules = core["rules"]!.AsObject();
        foreach (var rule in new[]
                 {
                     "outputs-should-not-contain-secrets", "secure-parameter-default", "secure-secrets-in-params",
                     "use-secure-value-for-secure-inputs", "no-hardcoded-env-urls", "no-hardcoded-location",
                     "no-unused-params", "no-unused-vars", "protect-commandtoexecute-secrets",
                 })
        {
            Assert.Equal("error", (string?)rules[rule]?["level"]);
        }
    }
}

public class NoSecretsTests
{
    private static string Json
    {
        get
        {
            Assert.Equal(0, CompiledTemplate.BuildResult.ExitCode);
            return CompiledTemplate.Json;
        }
    }

    [Fact]
    public void Storage_account_disallows_shared_key_access_and_old_tls()
    {
        var account = CompiledTemplate.Single("Microsoft.Storage/storageAccounts");
        var props = account["properties"]!;
        Assert.Equal(false, (bool?)props["allowSharedKeyAccess"]);
        Assert.Equal("TLS1_2", (string?)props["minimumTlsVersion"]);
        Assert.Equal(true, (bool?)props["supportsHttpsTrafficOnly"]);

        // And nowhere in the template is shared-key access turned on.
        var all = CompiledTemplate.FindProperty(CompiledTemplate.Root, "allowSharedKeyAccess").ToList();
        Assert.NotEmpty(all);
        Assert.All(all, v => Assert.Equal(false, (bool?)v));
    }

    [Fact]
    public void No_listKeys_anywhere()
    {
        Assert.DoesNotContain("listKeys", Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listServiceSas", Json, StringComparison.OrdinalIgnoreCase);
        foreach (var f in Directory.EnumerateFiles(Bicep.InfraDir, "*.bicep", SearchOption.AllDirectories))
            Assert.DoesNotContain("listKeys(", File.ReadAllText(f), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessSignature=")]
    [InlineData("SharedAccessKey=")]
    [InlineData("DefaultEndpointsProtocol=")]
    [InlineData("UseDevelopmentStorage=")]
    [InlineData("sig=")]
    public void No_connection_string_with_a_key(string fragment) =>
        Assert.DoesNotContain(fragment, Json, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void No_secure_parameter_has_a_default_value()
    {
        foreach (var template in CompiledTemplate.Templates())
        {
            if (template["parameters"] is not JsonObject parameters) continue;
            foreach (var (name, p) in parameters)
            {
                var type = (string?)p?["type"] ?? "";
                if (type.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
                    Assert.True(p!["defaultValue"] is null, $"secure parameter '{name}' has a default value");
            }
        }
    }

    [Fact]
    public void Outputs_are_not_secure_and_do_not_leak_keys()
    {
        var outputs = CompiledTemplate.Root["outputs"]!.AsObject();
        foreach (var (name, o) in outputs)
        {
            Assert.DoesNotContain("secure", (string?)o!["type"] ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("key", name, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void App_settings_use_identity_based_storage_and_entra_app_insights()
    {
        var settings = CompiledTemplate.ResourcesOfType("Microsoft.Web/sites/config")
            .Single(r => ((string?)r["name"] ?? "").Contains("appsettings"));
        var expr = (string?)settings["properties"] ?? settings["properties"]!.ToJsonString();
        foreach (var key in new[]
                 {
                     "'AzureWebJobsStorage__accountName'", "'AzureWebJobsStorage__credential', 'managedidentity'",
                     "'AzureWebJobsStorage__clientId'", "'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'",
                     "Authorization=AAD;ClientId=",
                 })
        {
            Assert.Contains(key, expr);
        }
        // A plain AzureWebJobsStorage setting would be a connection string.
        Assert.DoesNotContain("'AzureWebJobsStorage',", expr);
        // Flex Consumption sets the runtime in functionAppConfig; these settings are rejected there.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Json);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", Json);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", Json);

        var appInsights = CompiledTemplate.Single("Microsoft.Insights/components");
        Assert.Equal(true, (bool?)appInsights["properties"]!["DisableLocalAuth"]);
    }
}

public class RoleAssignmentTests
{
    public static TheoryData<string, string, string> Roles => new()
    {
        { "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "storage" },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "storage" },
        { "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "storage" },
        { "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "appInsights" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Role_is_assigned_to_the_managed_identity_on_its_resource(string role, string guid, string scope)
    {
        var matches = CompiledTemplate.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Where(r => ((string?)r["properties"]?["roleDefinitionId"] ?? "").Contains(guid, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var assignment = Assert.Single(matches);
        var props = assignment["properties"]!;
        Assert.Contains("Microsoft.Authorization/roleDefinitions", (string?)props["roleDefinitionId"]);
        Assert.Equal("ServicePrincipal", (string?)props["principalType"]);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", (string?)props["principalId"]);
        var scopeExpr = (string?)assignment["scope"] ?? "";
        var expectedType = scope == "storage" ? "Microsoft.Storage/storageAccounts" : "Microsoft.Insights/components";
        Assert.True(scopeExpr.Contains(expectedType), $"{role} should be scoped to {expectedType}, was '{scopeExpr}'");
    }

    [Fact]
    public void Only_the_four_least_privilege_roles_are_assigned()
    {
        var allowed = Roles.Select(r => (string)r[1]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var assigned = CompiledTemplate.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Select(r => (string?)r["properties"]?["roleDefinitionId"] ?? "")
            .Select(id => Regex.Match(id, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}").Value)
            .ToList();
        Assert.Equal(4, assigned.Count);
        Assert.All(assigned, g => Assert.Contains(g, allowed));
    }
}

public class ResourceShapeTests
{
    private static string Json => CompiledTemplate.Json;

    [Fact]
    public void Function_app_runs_on_flex_consumption_with_dotnet_isolated_10()
    {
        var plan = CompiledTemplate.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal(true, (bool?)plan["properties"]!["reserved"]);

        var site = CompiledTemplate.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.NotNull(config["deployment"]!["storage"]!["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["instanceMemoryMB"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.Equal(true, (bool?)site["properties"]!["httpsOnly"]);
    }

    [Fact]
    public void Function_app_is_tagged_for_azd_service_api()
    {
        var site = CompiledTemplate.Single("Microsoft.Web/sites");
        Assert.Contains("'azd-service-name'", (string?)site["tags"] ?? site["tags"]!.ToJsonString());
        var module = CompiledTemplate.AllResources()
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "functionapp");
        Assert.Equal("api", (string?)module["properties"]!["parameters"]!["azdServiceName"]!["value"]);
    }

    [Fact]
    public void Tables_and_containers_are_created()
    {
        Assert.Equal("fz", (string?)CompiledTemplate.DefaultOf("tablePrefix"));
        foreach (var suffix in new[] { "Observations", "Targets", "Imports", "History", "OfficialRanks", "Registry" })
            Assert.Contains($"'{{0}}{suffix}', parameters('tablePrefix')", Json);
        Assert.Single(CompiledTemplate.ResourcesOfType("Microsoft.Storage/storageAccounts/tableServices/tables"));

        Assert.Equal("incoming", (string?)CompiledTemplate.DefaultOf("incomingContainer"));
        Assert.Equal("archive", (string?)CompiledTemplate.DefaultOf("archiveContainer"));
        Assert.Equal("rejected", (string?)CompiledTemplate.DefaultOf("rejectedContainer"));
        Assert.Equal("snapshots", (string?)CompiledTemplate.DefaultOf("snapshotContainer"));
        var storageModule = CompiledTemplate.AllResources()
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "storage");
        var privateContainers = storageModule["properties"]!["parameters"]!["privateContainerNames"]!["value"]!.AsArray()
            .Select(n => (string?)n).ToList();
        Assert.Contains("[parameters('incomingContainer')]", privateContainers);
        Assert.Contains("[parameters('archiveContainer')]", privateContainers);
        Assert.Contains("[parameters('rejectedContainer')]", privateContainers);
        Assert.Contains("[variables('deploymentContainerName')]", privateContainers);
        Assert.Equal("[parameters('snapshotContainer')]",
            (string?)storageModule["properties"]!["parameters"]!["snapshotContainerName"]!["value"]);
    }

    [Fact]
    public void Snapshots_are_public_only_when_the_parameter_says_so()
    {
        Assert.Equal(false, (bool?)CompiledTemplate.DefaultOf("snapshotsPublicRead"));
        var account = CompiledTemplate.Single("Microsoft.Storage/storageAccounts");
        Assert.Equal("[parameters('snapshotsPublicRead')]", (string?)account["properties"]!["allowBlobPublicAccess"]);

        var containers = CompiledTemplate.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Equal(2, containers.Count);
        var publicAccess = containers.Select(c => (string?)c["properties"]!["publicAccess"]).ToList();
        Assert.Contains("None", publicAccess);
        Assert.Contains("[if(parameters('snapshotsPublicRead'), 'Blob', 'None')]", publicAccess);
    }

    [Fact]
    public void Every_sample_setting_is_a_parameter_with_the_same_default()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.RepoRoot, "local.settings.sample.json")))!["Values"]!.AsObject();
        var map = new Dictionary<string, string>
        {
            ["PipelineSchedule"] = "pipelineSchedule",
            ["FunctionsZone__TablePrefix"] = "tablePrefix",
            ["FunctionsZone__IncomingContainer"] = "incomingContainer",
            ["FunctionsZone__ArchiveContainer"] = "archiveContainer",
            ["FunctionsZone__RejectedContainer"] = "rejectedContainer",
            ["FunctionsZone__SnapshotContainer"] = "snapshotContainer",
            ["FunctionsZone__SnapshotRetention"] = "snapshotRetention",
            ["FunctionsZone__MaxFileBytes"] = "maxFileBytes",
            ["FunctionsZone__MaxRows"] = "maxRows",
            ["FunctionsZone__CorsOrigins"] = "corsOrigins",
            ["FunctionsZone__ResultsContainer"] = "resultsContainer",
            ["FunctionsZone__ImportsContainer"] = "importsContainer",
            ["FunctionsZone__WriteParallelism"] = "writeParallelism",
            ["FunctionsZone__LatestCacheSeconds"] = "latestCacheSeconds",
            ["FunctionsZone__Targets__OnTrack"] = "targetsOnTrack",
            ["FunctionsZone__Targets__Accelerate"] = "targetsAccelerate",
        };
        var module = CompiledTemplate.AllResources()
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "functionapp");
        var appSettings = module["properties"]!["parameters"]!["appSettings"]!["value"]!.AsObject();

        foreach (var (setting, value) in sample)
        {
            if (setting is "AzureWebJobsStorage" or "FUNCTIONS_WORKER_RUNTIME") continue;
            Assert.True(map.TryGetValue(setting, out var parameter), $"sample setting {setting} has no Bicep parameter");
            var def = CompiledTemplate.DefaultOf(parameter!);
            Assert.NotNull(def);
            Assert.Equal((string?)value, def!.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)def : def.ToJsonString());
            Assert.True(appSettings.ContainsKey(setting), $"app setting {setting} is not set on the function app");
            Assert.Contains($"parameters('{parameter}')", (string?)appSettings[setting]);
        }
    }

    /// <summary>CORS on Azure is the platform's: siteConfig.cors lists the same origins as FunctionsZone__CorsOrigins.</summary>
    [Fact]
    public void The_function_app_cors_lists_the_same_origins_as_FunctionsZone_CorsOrigins()
    {
        var site = CompiledTemplate.Single("Microsoft.Web/sites");
        var cors = site["properties"]!["siteConfig"]!["cors"]!;
        Assert.Equal("[parameters('corsAllowedOrigins')]", (string?)cors["allowedOrigins"]);
        Assert.Equal(false, (bool?)cors["supportCredentials"]);

        var module = CompiledTemplate.AllResources()
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "functionapp");
        var parameters = module["properties"]!["parameters"]!;
        var origins = (string?)parameters["corsAllowedOrigins"]!["value"];
        Assert.NotNull(origins);
        Assert.Contains("split(parameters('corsOrigins'), ',')", origins);
        Assert.Contains("trim(", origins);
        // The app setting is the same list joined (PortalInfraTests evaluates both with the portal's origin in it).
        Assert.Equal($"[join({origins[1..^1]}, ',')]", (string?)parameters["appSettings"]!["value"]!["FunctionsZone__CorsOrigins"]);
    }

    [Fact]
    public void No_ReadAuthorization_setting_is_left_it_had_no_effect_under_the_functions_host()
    {
        Assert.DoesNotContain("ReadAuthorization", CompiledTemplate.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ReadAuthorization", File.ReadAllText(Path.Combine(Bicep.RepoRoot, "local.settings.sample.json")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("READ_AUTHORIZATION", File.ReadAllText(Path.Combine(Bicep.InfraDir, "main.parameters.json")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Outputs_name_the_app_the_storage_account_and_the_snapshot_endpoint()
    {
        var outputs = CompiledTemplate.Root["outputs"]!.AsObject();
        Assert.True(outputs.ContainsKey("AZURE_FUNCTION_APP_NAME"));
        Assert.True(outputs.ContainsKey("AZURE_STORAGE_ACCOUNT_NAME"));
        Assert.True(outputs.ContainsKey("SNAPSHOT_ENDPOINT"));
    }

    [Fact]
    public void Parameters_file_only_names_declared_parameters()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraDir, "main.parameters.json")))!;
        var declared = CompiledTemplate.Root["parameters"]!.AsObject();
        foreach (var (name, _) in file["parameters"]!.AsObject())
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets undeclared parameter {name}");
        Assert.True(file["parameters"]!.AsObject().ContainsKey("environmentName"));
        Assert.True(file["parameters"]!.AsObject().ContainsKey("location"));
    }

    [Fact]
    public void Azure_yaml_points_azd_at_the_function_project()
    {
        var yaml = File.ReadAllText(Path.Combine(Bicep.RepoRoot, "azure.yaml"));
        Assert.Matches(new Regex(@"^services:\s*\n\s+api:\s*\n", RegexOptions.Multiline), yaml);
        Assert.Contains("project: ./src/FunctionsZone.Functions", yaml);
        Assert.Contains("language: dotnet", yaml);
        Assert.Contains("host: function", yaml);
        Assert.True(Directory.Exists(Path.Combine(Bicep.RepoRoot, "src", "FunctionsZone.Functions")));
    }
}
