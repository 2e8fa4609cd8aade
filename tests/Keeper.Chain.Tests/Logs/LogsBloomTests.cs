using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Logs;

public sealed class LogsBloomTests
{
    [Fact]
    public void MayContain_AddedItems_True_OthersAlmostAlwaysFalse()
    {
        var bloom = new byte[LogsBloom.Size];
        var added = Enumerable.Range(0, 5).Select(i => Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"topic {i}"))).ToArray();
        foreach (var item in added)
        {
            LogsBloom.Add(bloom, item);
        }

        Assert.All(added, item => Assert.True(LogsBloom.MayContain(bloom, item)));
        var falsePositives = Enumerable.Range(0, 1000).Count(i => LogsBloom.MayContain(bloom, Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"other {i}"))));
        Assert.True(falsePositives < 5, $"{falsePositives} false positives in 1000 with 5 items");
    }

    [Fact]
    public void MayContain_EmptyBloom_False() =>
        Assert.False(LogsBloom.MayContain(new byte[LogsBloom.Size], Hash32.Zero.Bytes));

    [Fact]
    public void MayContain_ErcTransferTopicInAKnownBloom_BitsAtTheYellowPaperPositions()
    {
        // The three bits are the first three byte pairs of the item's hash, each masked to 11 bits, counted from the end.
        var topic = Hash32.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
        var hash = Sha3Keccack.Current.CalculateHash(topic.ToArray());
        var bloom = new byte[LogsBloom.Size];
        foreach (var i in new[] { 0, 2, 4 })
        {
            var bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
            bloom[255 - (bit / 8)] |= (byte)(1 << (bit % 8));
        }

        Assert.True(LogsBloom.MayContain(bloom, topic.Bytes));
        bloom[255 - ((((hash[0] << 8) | hash[1]) & 2047) / 8)] = 0;
        Assert.False(LogsBloom.MayContain(bloom, topic.Bytes));
    }

    [Fact]
    public void MayContain_WrongSize_Throws() =>
        Assert.Throws<ArgumentException>(() => LogsBloom.MayContain(new byte[255], Hash32.Zero.Bytes));
}
