using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Importers;

/// <summary>validation-rules.json: the rules every later import is checked by (an imported copy overrides the built-in one).</summary>
public sealed class ValidationRulesImporter : IImporter
{
    public InputKind Kind => InputKind.ValidationRules;
    public int RunOrder => 3;
    public ImportReach Reach => ImportReach.Everything;

    public async Task<ImportOutcome> ImportAsync(ImportContext context, CancellationToken ct)
    {
        string text;
        try
        {
            text = context.File.Text();
            ValidationRules.Parse(text);
        }
        catch (InvalidDataException e)
        {
            context.Findings.Add(new Finding { Code = "malformed-rules", MessageZh = Quote.Message(e), MessageEn = Quote.Message(e) });
            return ImportOutcome.Of(new ImportCounts(0, 0, 0, 1));
        }
        if (context.Stores.References is not IValidationRuleStore store)
        {
            context.Findings.Add(new Finding
            {
                Code = "rules-not-stored", Severity = Severity.Warning,
                MessageZh = "此存储不保存校验规则，仍使用内置规则", MessageEn = "This store keeps no validation rules; the built-in rules stay in force",
            });
            return ImportOutcome.Of(new ImportCounts(0, 0, 0, 1));
        }
        var existing = await store.LoadValidationRulesAsync(ct);
        if (existing == text) return ImportOutcome.Of(new ImportCounts(0, 0, 1, 0));
        if (!context.Options.DryRun)
            await context.ChangeAsync(async () => { await store.SaveValidationRulesAsync(text, ct); return new WriteCounts(0, 1, 0); }, ct);
        return ImportOutcome.Of(new ImportCounts(existing is null ? 1 : 0, existing is null ? 0 : 1, 0, 0));
    }

    /// <summary>The rules in force: the imported copy, else the built-in default.</summary>
    public static async Task<ValidationRules> LoadAsync(IReferenceStore references, CancellationToken ct) =>
        references is IValidationRuleStore store && await store.LoadValidationRulesAsync(ct) is { } json
            ? ValidationRules.Parse(json)
            : ValidationRules.Default;
}
