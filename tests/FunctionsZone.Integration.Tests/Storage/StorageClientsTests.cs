using FunctionsZone.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsZone.Integration.Tests.Storage;

/// <summary>Storage settings read as Azure Functions reads AzureWebJobsStorage.</summary>
public sealed class StorageClientsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    /// <summary>The clients as every host gets them: from the one composition root.</summary>
    private static StorageClients Clients(IConfiguration configuration) =>
        FunctionsZone.Cli.CliContext.BuildServices(configuration).GetRequiredService<StorageClients>();

    [Fact]
    public void A_connection_string_is_used_as_is()
    {
        var config = Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));
        var c = Clients(config);
        Assert.Equal("connection-string", StorageClients.Resolve(config).Mode);
        Assert.Equal("devstoreaccount1", c.Blobs.AccountName);
    }

    [Fact]
    public void Identity_based_settings_need_no_key()
    {
        // AzureWebJobsStorage__accountName in app settings arrives as AzureWebJobsStorage:accountName.
        var config = Config(("AzureWebJobsStorage:accountName", "fzprod"), ("AzureWebJobsStorage:credential", "managedidentity"), ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));
        var c = Clients(config);
        Assert.Equal("identity", StorageClients.Resolve(config).Mode);
        Assert.Equal(new Uri("https://fzprod.blob.core.windows.net/"), c.Blobs.Uri);
        Assert.Equal(new Uri("https://fzprod.table.core.windows.net/"), c.Tables.Uri);
    }

    [Fact]
    public void Explicit_service_uris_win()
    {
        var config = Config(("AzureWebJobsStorage:blobServiceUri", "https://b.example/"), ("AzureWebJobsStorage:tableServiceUri", "https://t.example/"));
        var c = Clients(config);
        Assert.Equal("identity", StorageClients.Resolve(config).Mode);
        Assert.Equal("b.example", c.Blobs.Uri.Host);
    }

    [Fact]
    public void No_setting_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Clients(Config()));
        Assert.Contains("AzureWebJobsStorage", e.Message);
        Assert.Contains("未配置存储连接", e.Message);
    }

    [Fact]
    public void Table_and_container_names_come_from_configuration()
    {
        var c = Clients(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("FunctionsZone:TablePrefix", "zz"), ("FunctionsZone:SnapshotContainer", "pub")));
        Assert.Equal("zzObservations", c.Table("Observations").Name);
        Assert.Equal("pub", c.Options.SnapshotContainer);
    }
}
