using FunctionsZone.Storage;
using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Integration.Tests.Storage;

/// <summary>Storage settings read as Azure Functions reads AzureWebJobsStorage.</summary>
public sealed class StorageClientsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void A_connection_string_is_used_as_is()
    {
        var c = StorageClients.FromConfiguration(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));
        Assert.Equal("connection-string", c.Mode);
        Assert.Equal("devstoreaccount1", c.Blobs.AccountName);
    }

    [Fact]
    public void Identity_based_settings_need_no_key()
    {
        // AzureWebJobsStorage__accountName in app settings arrives as AzureWebJobsStorage:accountName.
        var c = StorageClients.FromConfiguration(Config(("AzureWebJobsStorage:accountName", "fzprod"), ("AzureWebJobsStorage:credential", "managedidentity"), ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001")));
        Assert.Equal("identity", c.Mode);
        Assert.Equal(new Uri("https://fzprod.blob.core.windows.net/"), c.Blobs.Uri);
        Assert.Equal(new Uri("https://fzprod.table.core.windows.net/"), c.Tables.Uri);
    }

    [Fact]
    public void Explicit_service_uris_win()
    {
        var c = StorageClients.FromConfiguration(Config(("AzureWebJobsStorage:blobServiceUri", "https://b.example/"), ("AzureWebJobsStorage:tableServiceUri", "https://t.example/")));
        Assert.Equal("identity", c.Mode);
        Assert.Equal("b.example", c.Blobs.Uri.Host);
    }

    [Fact]
    public void No_setting_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => StorageClients.FromConfiguration(Config()));
        Assert.Contains("AzureWebJobsStorage", e.Message);
        Assert.Contains("未配置存储连接", e.Message);
    }

    [Fact]
    public void Table_and_container_names_come_from_configuration()
    {
        var c = StorageClients.FromConfiguration(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("FunctionsZone:TablePrefix", "zz"), ("FunctionsZone:SnapshotContainer", "pub")));
        Assert.Equal("zzObservations", c.Table("Observations").Name);
        Assert.Equal("pub", c.Options.SnapshotContainer);
    }
}
