using FunctionsZone.Core.Snapshots;
using Xunit;

namespace FunctionsZone.Core.Tests.Snapshots;

public sealed class SnapshotLayoutTests
{
    // FNV-1a 32-bit reference values ("" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968) mod 64, and paths whose
    // shard web/src/snapshot.ts's shardOf gives (node: 34, 4, 10): the portal and the publisher must agree on every path.
    [Theory]
    [InlineData("", 0x811c9dc5u % 64)]
    [InlineData("a", 0xe40c292cu % 64)]
    [InlineData("foobar", 0xbf9cf968u % 64)]
    [InlineData("registry/zones.json", 34u)]
    [InlineData("periods/2022-05/zones/lc-etdz.json", 4u)]
    [InlineData("periods/2026-01/zones/聊城.json", 10u)]
    public void A_path_s_shard_is_FNV_1a_of_its_UTF8_bytes_mod_64(string path, uint shard) =>
        Assert.Equal((int)shard, SnapshotLayout.ShardOf(path));

    [Fact]
    public void An_object_is_named_by_the_hash_of_its_bytes_and_keeps_the_file_s_extension()
    {
        var sha = SnapshotEncoding.Sha256("{}"u8.ToArray());
        Assert.Equal($"objects/{sha[..2]}/{sha}.json", SnapshotLayout.Object(sha, "periods/2022-05/zones/lc-etdz.json"));
        Assert.Equal($"objects/{sha[..2]}/{sha}.docx", SnapshotLayout.Object(sha, "periods/2022-05/zones/lc-etdz.briefing.docx"));
        Assert.True(SnapshotLayout.IsObject(SnapshotLayout.Object(sha, "x.md")));
        Assert.False(SnapshotLayout.IsObject($"objects/zz/{sha}.json"));
        Assert.False(SnapshotLayout.IsObject($"objects/{sha[..2]}/../{sha}.json"));
        Assert.False(SnapshotLayout.IsObject("v/x/registry/zones.json"));
    }
}
