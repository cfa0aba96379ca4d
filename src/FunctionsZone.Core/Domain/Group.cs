namespace FunctionsZone.Core.Domain;

/// <summary>A set of zones ranked together (聊城市 11 units, 山东省开发区, 国家级经开区).</summary>
public sealed record Group
{
    public required string Id { get; init; }
    public required string NameZh { get; init; }
    public string NameEn { get; init; } = "";
    /// <summary>The unit whose own reported figure is "the city's" (全市) for differences in 个百分点.</summary>
    public string? Reference { get; init; }
}
