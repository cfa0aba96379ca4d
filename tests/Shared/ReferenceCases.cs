using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace FunctionsZone.Tests.References;

/// <summary>
/// The published reference cases, read as they are from tests/reference in the repository (each folder with its SOURCE.md),
/// so a clone anywhere runs them; ReferenceCopyTests holds that copy to ../shared/reference where it exists. A missing
/// folder fails the test with the path it looked in; it is never skipped. Linked into both test projects (tests/Shared).
/// </summary>
public static class ReferenceCases
{
    /// <summary>The folder of FunctionsZone.sln above the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "FunctionsZone.sln"))) return d.FullName;
            throw new InvalidOperationException("FunctionsZone.sln not found above the test binaries");
        }
    }

    public static string Folder
    {
        get
        {
            // FZ_REFERENCE_DIR names another copy (the shared one, say) to run the cases against.
            var path = Environment.GetEnvironmentVariable("FZ_REFERENCE_DIR") is { Length: > 0 } set
                ? Path.GetFullPath(set) : InRepository;
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException(
                    $"找不到公开对照案例 / The published reference cases are not at {path}: they are tests/reference in the repository, or the folder FZ_REFERENCE_DIR names");
            return path;
        }
    }

    /// <summary>The copy the repository carries.</summary>
    public static string InRepository => Path.Combine(RepositoryRoot, "tests", "reference");

    /// <summary>The published folder beside the repository, as the team and CI lay it out; null where it is not.</summary>
    public static string? Shared
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string PathOf(string relative)
    {
        var p = Path.Combine(Folder, relative);
        if (!File.Exists(p)) throw new FileNotFoundException($"对照文件缺失 / Reference file missing: {p}", p);
        return p;
    }

    public static JsonElement Json(string relative) => JsonDocument.Parse(File.ReadAllText(PathOf(relative))).RootElement.Clone();

    /// <summary>A CSV as rows of header → text.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Csv(string relative)
    {
        using var csv = new CsvReader(new StreamReader(PathOf(relative)), new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return rows;
    }

    /// <summary>R's NA is an empty cell: NaN.</summary>
    public static double Number(string text) =>
        string.IsNullOrWhiteSpace(text) || text == "NA" ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();
}
