using Keeper.Actors.Submission;
using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

public sealed class SubmitterStateTests
{
    private static readonly Address To = Address.Parse("0x00000000000000000000000000000000000000a1");

    [Fact]
    public void Apply_CreatedSentReplacedMined_TracksVersionsAndNextNonce()
    {
        var first = Version(1);
        var second = Version(2);

        var state = SubmitterState.Empty
            .Apply(new TransactionCreated("t", 4, first))
            .Apply(new TransactionSent(4, first.Hash))
            .Apply(new TransactionReplaced(4, second))
            .Apply(new TransactionMined(4, first.Hash, 10, Hash32.Zero, true, 21_000, 42));

        var entry = state.Entries[4];
        Assert.Equal(5UL, state.NextNonce);
        Assert.Equal(TransactionState.Succeeded, entry.State);
        Assert.Equal(first.Hash, entry.ToRecord().Hash);
        Assert.Equal(1, entry.ToRecord().Replacements);
        Assert.Null(state.LiveFor("t"));
    }

    [Fact]
    public void Apply_SentTwiceThenMined_RecordHasFirstSendTimeGasPriceAndFee()
    {
        var first = Version(1);
        var second = Version(2);
        var sentAt = new DateTimeOffset(2026, 12, 6, 18, 0, 0, TimeSpan.Zero);

        var state = SubmitterState.Empty
            .Apply(new TransactionCreated("t", 4, first))
            .Apply(new TransactionSent(4, first.Hash, sentAt))
            .Apply(new TransactionReplaced(4, second))
            .Apply(new TransactionSent(4, second.Hash, sentAt.AddMinutes(1)))
            .Apply(new TransactionMined(4, second.Hash, 10, Hash32.Zero, true, 50_000, 50_000 * 3_000_000_007L));

        var record = state.Entries[4].ToRecord();
        Assert.Equal(sentAt, record.SentAt);
        Assert.Equal(50_000UL, record.GasUsed);
        Assert.Equal(3_000_000_007, record.EffectiveGasPrice);
        Assert.Equal(50_000 * 3_000_000_007L, record.Fee);
    }

    [Fact]
    public void Apply_SentWithoutTime_RecordHasNoSendTime()
    {
        var v = Version(1);

        var record = SubmitterState.Empty.Apply(new TransactionCreated("t", 0, v)).Apply(new TransactionSent(0, v.Hash)).Entries[0].ToRecord();

        Assert.Null(record.SentAt);
        Assert.Null(record.Fee);
        Assert.Null(record.EffectiveGasPrice);
    }

    [Fact]
    public void Apply_MinedCancellation_Cancelled()
    {
        var cancel = Version(2) with { IsCancellation = true };

        var state = SubmitterState.Empty
            .Apply(new TransactionCreated("t", 0, Version(1)))
            .Apply(new TransactionReplaced(0, cancel))
            .Apply(new TransactionMined(0, cancel.Hash, 3, Hash32.Zero, true, 21_000, 1));

        Assert.Equal(TransactionState.Cancelled, state.Entries[0].State);
    }

    [Fact]
    public void Apply_Reorged_PendingAgain()
    {
        var v = Version(1);

        var state = SubmitterState.Empty
            .Apply(new TransactionCreated("t", 0, v))
            .Apply(new TransactionMined(0, v.Hash, 3, Hash32.Zero, true, 21_000, 1))
            .Apply(new TransactionReorged(0, v.Hash, 3));

        Assert.Equal(TransactionState.Pending, state.Entries[0].State);
        Assert.Same(state.Entries[0], state.LiveFor("t"));
    }

    [Fact]
    public void Apply_DroppedWithRelease_NextNonceReusedByNextCreated()
    {
        var state = SubmitterState.Empty
            .Apply(new TransactionCreated("a", 0, Version(1)))
            .Apply(new TransactionDropped(0, "insufficient funds", NonceReleased: true));
        Assert.Equal(0UL, state.NextNonce);

        state = state.Apply(new TransactionCreated("b", 0, Version(2)));

        Assert.Equal("b", state.Entries[0].TaskKey);
        Assert.Equal(1UL, state.NextNonce);
    }

    [Fact]
    public void Apply_ReleaseOfALowerNonce_RefusedAsInconsistent()
    {
        var state = SubmitterState.Empty
            .Apply(new TransactionCreated("a", 0, Version(1)))
            .Apply(new TransactionCreated("b", 1, Version(2)));

        Assert.Throws<SubmissionJournalException>(() => state.Apply(new TransactionDropped(0, "x", NonceReleased: true)));
    }

    [Fact]
    public void Apply_CreatedOnTakenNonceOrUnknownHash_RefusedAsInconsistent()
    {
        var state = SubmitterState.Empty.Apply(new TransactionCreated("a", 0, Version(1)));

        Assert.Throws<SubmissionJournalException>(() => state.Apply(new TransactionCreated("b", 0, Version(2))));
        Assert.Throws<SubmissionJournalException>(() => state.Apply(new TransactionSent(0, Version(3).Hash)));
        Assert.Throws<SubmissionJournalException>(() => state.Apply(new TransactionSent(9, Version(1).Hash)));
    }

    private static TransactionVersion Version(byte seed)
    {
        byte[] raw = [0x02, seed];
        return new TransactionVersion(new Hash32(Sha3Keccack.Current.CalculateHash(raw)), raw, To, [seed], 21_000, 100, 10, false);
    }
}
