namespace FunctionsZone.Bench.Generation;

/// <summary>
/// Draws for the generator. Built on System.Random with a seed, whose sequence .NET keeps stable for a seed,
/// so the same seed gives the same files.
/// </summary>
public sealed class SyntheticRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();
    public double Uniform(double min, double max) => min + (max - min) * _random.NextDouble();
    public int Next(int maxExclusive) => _random.Next(maxExclusive);
    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>Standard normal by Box–Muller.</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Log-normal with the given median: amounts across zones are skewed, a few very large.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());
}
