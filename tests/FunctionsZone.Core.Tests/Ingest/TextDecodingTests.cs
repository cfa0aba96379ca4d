using System.Text;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Tests.Ingest;

public class TextDecodingTests
{
    private const string Sample = "开发区,指标,期间,数值\n聊城经济技术开发区,固定资产投资,2022-05,38.4\n";

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf-8", "utf-8" }, { "utf-8-bom", "utf-8" }, { "gb18030", "gb18030" }, { "gbk", "gb18030" },
        { "utf-16", "utf-16" }, { "utf-16BE", "utf-16BE" }, { "utf-16-nobom", "utf-16" },
        { "utf-32", "utf-32" }, { "utf-32BE", "utf-32BE" }, { "utf-32-nobom", "utf-32" }, { "utf-32BE-nobom", "utf-32BE" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Detects_the_encoding_without_being_told(string how, string expected)
    {
        var bytes = Encode(how, Sample);
        var (text, name) = TextDecoding.Decode(bytes);
        Assert.Equal(Sample, text);
        Assert.Equal(expected, name);
    }

    [Fact]
    public void Gbk_bytes_read_as_utf8_would_be_garbage_so_detection_matters()
    {
        var gbk = Encode("gbk", Sample);
        Assert.NotEqual(Sample, Encoding.UTF8.GetString(gbk));
        Assert.Equal(Sample, new InputFile("x.csv", gbk).Text());
    }

    [Fact]
    public void An_explicit_encoding_overrides_detection()
    {
        // Valid UTF-8 that is meant as GBK is rare but possible; the override wins.
        var bytes = Encode("gbk", "数值");
        Assert.Equal("数值", new InputFile("x.csv", bytes) { EncodingName = "gbk" }.Text());
        Assert.NotEqual("数值", new InputFile("x.csv", bytes) { EncodingName = "latin1" }.Text());
    }

    [Fact]
    public void An_unknown_encoding_name_is_refused_in_both_languages()
    {
        var e = Assert.Throws<ArgumentException>(() => TextDecoding.Resolve("klingon"));
        Assert.Contains("未知的编码", e.Message);
        Assert.Contains("Unknown encoding", e.Message);
    }

    internal static byte[] Encode(string how, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return how switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(text),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "gb18030" or "gbk" => Encoding.GetEncoding(how == "gbk" ? 936 : 54936).GetBytes(text),
            "utf-16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            "utf-16BE" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            "utf-16-nobom" => Encoding.Unicode.GetBytes(text),
            "utf-32" => [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(text)],
            "utf-32BE" => [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(text)],
            "utf-32-nobom" => new UTF32Encoding(false, false).GetBytes(text),
            "utf-32BE-nobom" => new UTF32Encoding(true, false).GetBytes(text),
            _ => throw new ArgumentException(how),
        };
    }
}
