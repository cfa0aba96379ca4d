namespace FunctionsZone.Core;

/// <summary>
/// A load begun ahead (the next period's figures or results, while this one's are worked on) so that storage and
/// computing overlap; both loops that do it settle the one in flight when they fail.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Waits for a load begun ahead and given up on, so nothing runs on after the caller has failed.</summary>
    public static async Task SettleAsync(Task? ahead)
    {
        if (ahead is null) return;
        try { await ahead; } catch (Exception) { /* the caller's own failure is the one reported */ }
    }
}
