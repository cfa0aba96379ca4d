namespace FunctionsZone.Core.Ports;

/// <summary>
/// Where an imported validation-rules.json is kept (fzRegistry, partition "validation"). A reference store that
/// implements it lets the rules change without a release; otherwise ValidationRules.Default applies.
/// </summary>
public interface IValidationRuleStore
{
    /// <summary>The stored rules file's text, or null when none was imported.</summary>
    Task<string?> LoadValidationRulesAsync(CancellationToken ct = default);
    /// <summary>Stores the rules file's text; returns false when it equals what is stored.</summary>
    Task<bool> SaveValidationRulesAsync(string json, CancellationToken ct = default);
}
