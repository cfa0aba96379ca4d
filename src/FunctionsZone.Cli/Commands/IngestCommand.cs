using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz ingest FILE [--dry-run] [--allow-partial] [--encoding E] [--json]; exits 2 when the import's status is ERROR.</summary>
public static class IngestCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var file = new Argument<FileInfo[]>("file") { Description = "CSV / JSON 文件 / the file(s) to import", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验、不写入 / validate and count, write nothing" };
        var partial = new Option<bool>("--allow-partial") { Description = "导入有效行，跳过错误行 / import the valid rows of a file with errors" };
        var encoding = new Option<string>("--encoding") { Description = "文本编码（默认自动识别）：utf-8、gbk、gb18030、utf-16 / text encoding (detected when omitted)" };
        var json = Common.JsonOption();
        var cmd = new Command("ingest", "导入统计数据文件 / import a statistics file (CSV, XLSX, JSON; long or wide layout)") { file, dryRun, partial, encoding, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            var enc = parse.GetValue(encoding);
            if (!string.IsNullOrWhiteSpace(enc))
            {
                try { TextDecoding.Resolve(enc); }
                catch (ArgumentException e) { return Printer.Fail(Console.Error, e.Message); }
            }
            var pipeline = ctx.Pipeline();
            var summaries = new List<ImportSummary>();
            foreach (var f in parse.GetValue(file)!)
            {
                if (!f.Exists) return Printer.Fail(Console.Error, $"找不到文件 {f.FullName} / file not found: {f.FullName}");
                summaries.Add(await pipeline.IngestAsync(new InputFile(f.Name, await File.ReadAllBytesAsync(f.FullName, ct)) { EncodingName = string.IsNullOrWhiteSpace(enc) ? null : enc },
                    ctx.IngestOptions with { DryRun = parse.GetValue(dryRun), AllowPartial = parse.GetValue(partial) }, ct));
            }
            if (parse.GetValue(json)) Printer.Json(output, summaries.Count == 1 ? summaries[0] : summaries);
            else foreach (var s in summaries) output.Write(SummaryText(s, text(parse)));
            return summaries.Any(s => s.Status == ImportStatus.Error) ? 2 : 0;
        });
        return cmd;
    }

    /// <summary>An import's status, counts and findings in the reader's language (--json keeps the bilingual record).</summary>
    public static string SummaryText(ImportSummary s, CliText x)
    {
        var w = new StringWriter();
        w.WriteLine(x.Fill("text.importHead", ("file", s.File), ("status", x.Of("importStatus", s.Status.ToString().ToLowerInvariant())),
            ("dryRun", s.DryRun ? x["text.dryRun"] : ""), ("import", s.ImportId),
            ("encoding", s.Encoding is null ? "" : x.Fill("text.encoding", ("encoding", s.Encoding)))));
        w.WriteLine(x.Fill("text.importCounts", ("imported", s.Counts.Imported), ("updated", s.Counts.Updated),
            ("unchanged", s.Counts.Unchanged), ("ignored", s.Counts.Ignored)));
        if (s.Findings.Count > 0)
        {
            var t = x.Table("col.code", "col.severity", "col.rows", "col.column", "col.message");
            foreach (var f in s.Findings)
                t.Add(f.Code, x.Of("severity", f.Severity.ToString().ToLowerInvariant()), string.Join(",", f.Rows.Take(20)) + (f.Rows.Count > 20 ? "…" : ""),
                    f.Column, f.MessageIn(x.L.Lang));
            w.Write(t); // whole: a finding's message is not cut
        }
        return w.ToString();
    }
}
