namespace FunctionsZone.Core.Domain;

/// <summary>
/// Derived figures (亩均, computed growth, completion, shares) from stored ones: a result beyond decimal's range
/// (a figure stored before the rules bounded it, or under rules that allow it) is no figure, not a crash of the recompute.
/// </summary>
public static class SafeDecimal
{
    public static decimal? Try(Func<decimal> compute)
    {
        try { return compute(); }
        catch (OverflowException) { return null; }
        catch (DivideByZeroException) { return null; }
    }
}
