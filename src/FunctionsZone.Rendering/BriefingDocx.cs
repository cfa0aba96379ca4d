using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Rendering;

/// <summary>
/// The briefing as a Word document (Open XML SDK): the masthead (报头: name in red, 期号, 编发单位 and date, a red
/// rule), title, date line, the sections as headings and paragraphs, the
/// month's indicator table after 主要指标, and the two charts as PNG images. The bytes depend only on the briefing:
/// no timestamps, fixed part names and ids, so an unchanged month publishes the same file. Every figure is written
/// with no-break characters (<see cref="UnbreakableText"/>) so a word processor never splits a number from its unit.
/// </summary>
public static class BriefingDocx
{
    private const string EastAsianFont = "SimSun";
    private const long EmuPerPixel = 9525;
    private const string Red = "C00000";
    /// <summary>A4 width less the margins, in twips: where the masthead's date stands right-aligned.</summary>
    private const int TextWidth = 11906 - 2 * 1440;

    public static byte[] Render(Briefing b, byte[]? rankChart = null, byte[]? targetChart = null)
    {
        rankChart ??= b.RankChart.Count > 0 ? BriefingCharts.Ranks(b.RankChart, b.Lang) : null;
        targetChart ??= b.TargetChart.Count > 0 ? BriefingCharts.Targets(b.TargetChart, b.TimeProgress, b.Lang) : null;
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            // Fixed relationship ids: the SDK's default ones are random, and the same briefing must give the same bytes.
            doc.ChangeIdOfPart(main, "rIdMain");
            AddStyles(main, b.Lang);
            var body = new Body();
            var figures = UnbreakableText.Figures(b);
            string Whole(string text) => UnbreakableText.Apply(text, figures);
            body.Append(Masthead(b.Masthead, Whole));
            body.Append(Para(Whole(b.Title), "Title"));
            body.Append(Para(Whole(b.DateLine), "Subtitle"));
            var imageId = 0;
            foreach (var s in b.Sections)
            {
                body.Append(Para(s.Heading, "Heading1"));
                foreach (var p in s.Paragraphs) body.Append(Para(Whole(p), null));
                if (s.Key == "main")
                {
                    if (b.Table.Rows.Count > 0)
                    {
                        body.Append(Para(b.Captions["table"], "Caption"));
                        body.Append(Table(b.Table, Whole));
                    }
                    if (rankChart is not null) body.Append(Image(main, rankChart, ++imageId, b.Captions["rankChart"]), Para(b.Captions["rankChart"], "Caption"));
                }
                if (s.Key == "targets" && targetChart is not null)
                    body.Append(Image(main, targetChart, ++imageId, b.Captions["targetChart"]), Para(b.Captions["targetChart"], "Caption"));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 }, // A4
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            AddCoreProperties(doc, b);
        }
        return Normalise(ms.ToArray());
    }

    /// <summary>报头 as 简报 are printed: the name large in red, 期号 below it, 编发单位 left and 日期 right above a red rule.</summary>
    private static IEnumerable<Paragraph> Masthead(BriefingMasthead m, Func<string, string> whole)
    {
        Paragraph Centred(string text, int halfPoints, bool bold, string? color, string after)
        {
            var rp = new RunProperties();
            if (bold) rp.Append(new Bold());
            if (color is not null) rp.Append(new Color { Val = color });
            rp.Append(new FontSize { Val = halfPoints.ToString() });
            return new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = after }, new Justification { Val = JustificationValues.Center }),
                new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        yield return Centred(m.Name, 72, true, Red, "120");
        yield return Centred(whole(m.Issue), 32, false, null, "240");
        yield return new Paragraph(
            new ParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18, Space = 4, Color = Red }),
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth }),
                new SpacingBetweenLines { Before = "0", After = "360" }),
            new Run(new RunProperties(new FontSize { Val = "24" }),
                new Text(whole(m.Issuer)) { Space = SpaceProcessingModeValues.Preserve }, new TabChar(),
                new Text(whole(m.Date)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph Para(string text, string? style)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        var lines = text.Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        p.Append(run);
        return p;
    }

    private static Table Table(BriefingTable t, Func<string, string> whole)
    {
        var border = (uint)4;
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = border }, new LeftBorder { Val = BorderValues.Single, Size = border },
                new BottomBorder { Val = BorderValues.Single, Size = border }, new RightBorder { Val = BorderValues.Single, Size = border },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = border }, new InsideVerticalBorder { Val = BorderValues.Single, Size = border })));
        // Value cells are unbreakable figures: wide enough for "14.725 billion yuan" in the table's 10 pt.
        var widths = new[] { 2900, 2300, 1200, 1300, 1300 };
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(Row(t.Header, widths, header: true));
        // A value cell is one figure: kept whole, as the figures of the prose are.
        foreach (var r in t.Rows)
            table.Append(Row([whole(r.Name), .. new[] { r.Value, r.Growth, r.Rank, r.Move }.Select(UnbreakableText.Join)], widths, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
        {
            var rp = new RunProperties();
            if (header) rp.Append(new Bold());
            rp.Append(new FontSize { Val = "20" });
            var para = new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" }, new Justification { Val = i == 0 ? JustificationValues.Left : JustificationValues.Right }),
                new Run(rp, new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve }));
            var cp = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString() });
            if (header) cp.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3", Color = "auto" });
            row.Append(new TableCell(cp, para));
        }
        return row;
    }

    /// <summary>An inline PNG, 6 inches wide, centred.</summary>
    private static Paragraph Image(MainDocumentPart main, byte[] png, int id, string name)
    {
        var relId = $"rIdChart{id}";
        var part = main.AddImagePart(ImagePartType.Png, relId);
        using (var s = new MemoryStream(png)) part.FeedData(s);
        var cx = 6L * 914400; // 6 in
        var cy = cx * BriefingCharts.Height / BriefingCharts.Width;
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (uint)id, Name = $"Chart {id}", Description = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = (uint)id, Name = $"chart{id}.png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline)));
    }

    private static void AddStyles(MainDocumentPart main, string lang)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
        RunFonts Fonts() => new() { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = EastAsianFont, ComplexScript = "Calibri" };
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(), new FontSize { Val = "24" },
                    // w:lang is the language of Latin-script text (digits, 9.5%): English, so a word processor breaks no
                    // number inside; a Chinese one lets LibreOffice break between digits (6|4.8%). Chinese text is eastAsia.
                    new Languages { Val = "en-GB", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            Style("Normal", "Normal", null, null, null, isDefault: true),
            Style("Title", "Title", 40, true, JustificationValues.Center),
            Style("Subtitle", "Subtitle", 21, false, JustificationValues.Center, color: "595959"),
            Style("Heading1", "heading 1", 30, true, null, outline: 0),
            Style("Caption", "caption", 20, true, JustificationValues.Center, color: "404040"));
        part.Styles = styles;
    }

    /// <summary>docProps/core.xml written out (title, creator, language, no dates), instead of the package's randomly named one.</summary>
    private static void AddCoreProperties(WordprocessingDocument doc, Briefing b)
    {
        var part = doc.AddCoreFilePropertiesPart();
        doc.ChangeIdOfPart(part, "rIdCore");
        var x = new System.Xml.Linq.XDocument(new System.Xml.Linq.XElement(Cp + "coreProperties",
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "cp", Cp.NamespaceName),
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "dc", Dc.NamespaceName),
            new System.Xml.Linq.XElement(Dc + "title", b.Title),
            new System.Xml.Linq.XElement(Dc + "creator", "FunctionsZone"),
            new System.Xml.Linq.XElement(Dc + "language", b.Lang == "zh" ? "zh-CN" : "en-GB")));
        using var s = part.GetStream(FileMode.Create);
        x.Save(s);
    }

    private static readonly System.Xml.Linq.XNamespace Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static readonly System.Xml.Linq.XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private static Style Style(string id, string name, int? halfPoints, bool? bold, JustificationValues? justify, int? outline = null, string? color = null, bool isDefault = false)
    {
        var s = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        s.Append(new StyleName { Val = name });
        if (!isDefault) s.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        s.Append(new PrimaryStyle());
        var pp = new StyleParagraphProperties();
        if (outline is not null) pp.Append(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (justify is { } j) pp.Append(new Justification { Val = j });
        if (outline is { } o) pp.Append(new OutlineLevel { Val = o });
        if (pp.HasChildren) s.Append(pp);
        var rp = new StyleRunProperties();
        if (bold == true) rp.Append(new Bold());
        if (color is not null) rp.Append(new Color { Val = color });
        if (halfPoints is { } hp) rp.Append(new FontSize { Val = hp.ToString() });
        if (rp.HasChildren) s.Append(rp);
        return s;
    }

    /// <summary>The package re-zipped with one fixed entry time: System.IO.Packaging stamps entries with the clock.</summary>
    private static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in input.Entries)
            {
                var copy = zip.CreateEntry(e.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var from = e.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
