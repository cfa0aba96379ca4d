using System.Runtime.InteropServices;
using FunctionsZone.Storage;

namespace FunctionsZone.Bench;

/// <summary>The machine a run ran on: cores, memory (and a GC heap limit in effect), OS, .NET, and the storage's server.</summary>
public static class MachineInfo
{
    public static async Task<BenchMachine> ReadAsync(StorageClients clients, CancellationToken ct)
    {
        var server = "unknown";
        try
        {
            var props = await clients.Blobs.GetPropertiesAsync(ct);
            if (props.GetRawResponse().Headers.TryGetValue("Server", out var s)) server = s!;
        }
        catch (Azure.RequestFailedException) { }
        // What the GC may use: the machine's memory, or less under a heap limit (a container's, or DOTNET_GCHeapHardLimit).
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var physical = PhysicalMemoryBytes() ?? available;
        var host = clients.Tables.Uri.Host;
        var kind = host is "127.0.0.1" or "localhost" ? "local emulator" : host;
        return new BenchMachine(Environment.ProcessorCount, Math.Round(physical / 1024.0 / 1024 / 1024, 1), RuntimeInformation.OSDescription, Environment.Version.ToString(), kind, server)
        {
            GcHeapLimitMiB = available < physical * 0.9 ? Math.Round(available / 1024.0 / 1024) : null,
        };
    }

    /// <summary>MemTotal of /proc/meminfo (Linux); null elsewhere.</summary>
    private static long? PhysicalMemoryBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
