using System.Diagnostics;
using System.Net.Sockets;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// A real Azurite for the tests: the one ./scripts/test.sh started (FZ_TEST_STORAGE), or one started here
/// from .tools/azurite on free ports when the tests run on their own (dotnet test from an IDE).
/// </summary>
public static class Azurite
{
    private static readonly Lazy<string> Connection = new(StartOrReuse, LazyThreadSafetyMode.ExecutionAndPublication);
    private static Process? _process;

    public static string ConnectionString => Connection.Value;

    public static string RepoRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "FunctionsZone.sln"))) return d.FullName;
            throw new InvalidOperationException("FunctionsZone.sln not found above the test assembly");
        }
    }

    private static string StartOrReuse()
    {
        var fromScript = Environment.GetEnvironmentVariable("FZ_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(fromScript)) return fromScript;

        var bin = Path.Combine(RepoRoot, ".tools/azurite/node_modules/.bin/azurite");
        if (!File.Exists(bin))
            throw new InvalidOperationException("Azurite is not installed: run ./scripts/test.sh once (it installs Azurite from npm)");
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var dir = Directory.CreateTempSubdirectory("fz-azurite-").FullName;
        _process = Process.Start(new ProcessStartInfo(bin,
            $"--silent --skipApiVersionCheck --loose --disableProductStyleUrl --location {dir} --blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table}")
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { _process.Kill(entireProcessTree: true); } catch { } };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(Listening(blob) && Listening(table))) Thread.Sleep(100);
        return ConnectionStringFor(blob, queue, table);
    }

    /// <summary>Azurite's published development key (not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string ConnectionStringFor(int blob, int queue, int table) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

    public static int FreePort()
    {
        var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public static bool Listening(int port)
    {
        try { using var c = new TcpClient(); c.Connect("127.0.0.1", port); return true; }
        catch (SocketException) { return false; }
    }
}
