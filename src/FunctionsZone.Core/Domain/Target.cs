namespace FunctionsZone.Core.Domain;

/// <summary>What a target measures: a level, an amount, a growth rate, new items, a share, a project count, or a milestone.</summary>
public enum TargetKind { Level, Cumulative, Growth, Increment, Share, Count, Milestone }

/// <summary>An annual target (年度目标) of a zone.</summary>
public sealed record Target
{
    public required string Zone { get; init; }
    public required string Indicator { get; init; }
    public required int Year { get; init; }
    public TargetKind Kind { get; init; }
    public required decimal Value { get; init; }
    public string Unit { get; init; } = "";
    public string? Source { get; init; }
    /// <summary>The target's Chinese name (targets.csv nameZh); a milestone such as guaibao_listing has no indicator to take one from.</summary>
    public string? NameZh { get; init; }
    /// <summary>Its English name (targets.csv nameEn): English views show it; without one, the Chinese with a marker.</summary>
    public string? NameEn { get; init; }

    /// <summary>
    /// What makes a target one of a zone's year: its indicator and its kind. 固投 may carry a growth target and an amount
    /// target side by side; two of one kind are refused at import (ReferenceFileReader), and storage keeps them by this key.
    /// </summary>
    public static string KeyOf(Target t) => $"{t.Indicator}|{t.Kind}";
}
