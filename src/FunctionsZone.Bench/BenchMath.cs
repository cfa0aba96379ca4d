namespace FunctionsZone.Bench;

/// <summary>The report's roundings, one place.</summary>
internal static class BenchMath
{
    public static double MiB(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);
    public static double Round(double v) => Math.Round(v, 4);
}
