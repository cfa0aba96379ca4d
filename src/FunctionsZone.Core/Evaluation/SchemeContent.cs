namespace FunctionsZone.Core.Evaluation;

/// <summary>The content hash that decides whether a file is a new version: the parsed scheme serialised, so layout and comments do not count.</summary>
public static class SchemeContent
{
    public static string Sha256(Scheme scheme) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(scheme, Json.Options)));
}
