using System.Security.Cryptography;
using System.Text;
using FunctionsZone.Host.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Host.Keys;

/// <summary>
/// The keys the host checks, as app settings give them to fz serve: FunctionsZone:FunctionKeys (comma-separated,
/// accepted where a function key is needed) and FunctionsZone:MasterKey (accepted everywhere, the only key for admin
/// routes). With neither set, a master key is generated for the run (GeneratedMasterKey, printed by fz serve). As
/// the Functions host, a key arrives in the x-functions-key header or the code query parameter.
/// </summary>
public sealed class HostKeys
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly IReadOnlyList<byte[]> _functionKeys;
    private readonly byte[] _masterKey;

    public HostKeys(IConfiguration configuration)
    {
        var s = configuration.GetSection("FunctionsZone");
        _functionKeys = (s["FunctionKeys"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Encoding.UTF8.GetBytes).ToList();
        var master = s["MasterKey"];
        if (string.IsNullOrWhiteSpace(master) && _functionKeys.Count == 0)
            master = GeneratedMasterKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        // Configured function keys but no master key: the admin routes stay closed (no key opens them).
        _masterKey = string.IsNullOrWhiteSpace(master) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(master.Trim());
    }

    /// <summary>The master key made up at start because configuration had no key at all; null otherwise.</summary>
    public string? GeneratedMasterKey { get; }

    public bool Allows(HttpRequest request, AuthLevel level)
    {
        if (level == AuthLevel.Anonymous) return true;
        var key = request.Headers[HeaderName].ToString();
        if (key.Length == 0) key = request.Query[QueryName].ToString();
        if (key.Length == 0) return false;
        var given = Encoding.UTF8.GetBytes(key);
        if (CryptographicOperations.FixedTimeEquals(given, _masterKey)) return true;
        return level == AuthLevel.Function && _functionKeys.Any(k => CryptographicOperations.FixedTimeEquals(given, k));
    }
}
