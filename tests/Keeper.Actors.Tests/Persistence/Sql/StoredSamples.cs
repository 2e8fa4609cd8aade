using System.Numerics;
using Keeper.Actors.Submission;
using Keeper.Actors.Tests.Tracking;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Nethereum.Util;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>Real values of every type Keeper stores, built from fixed bytes so payloads are the same on every run.</summary>
internal static class StoredSamples
{
    public static readonly Address Contract = Address.Parse("0x00000000000000000000000000000000000000d4");

    /// <summary>One event of each kind, for one nonce, in the order a transaction's life journals them.</summary>
    public static IReadOnlyList<SubmissionEvent> LifeOfNonce(ulong nonce)
    {
        var first = Version(seed: (byte)nonce, cancellation: false);
        var bumped = Version(seed: (byte)(nonce + 100), cancellation: false);
        return
        [
            new TransactionCreated($"dissolve:megapool:{TrackingFixtures.MegapoolAddress.ToLowerHex()}:{nonce}", nonce, first),
            new TransactionSent(nonce, first.Hash),
            new TransactionReplaced(nonce, bumped),
            new TransactionMined(nonce, bumped.Hash, 1_000 + nonce, Filled(0x42), Succeeded: true, 85_000, BigInteger.Parse("123456789012345678901", System.Globalization.CultureInfo.InvariantCulture)),
            new TransactionReorged(nonce, bumped.Hash, 1_000 + nonce),
            new TransactionDropped(nonce, "nonce used by another transaction", NonceReleased: false),
        ];
    }

    public static TransactionVersion Version(byte seed, bool cancellation)
    {
        var raw = Enumerable.Range(0, 120).Select(i => (byte)(i * 7 + seed)).ToArray();
        var data = cancellation ? [] : new byte[] { 0xa9, 0x05, 0x9c, 0xbb, seed };
        return new TransactionVersion(new Hash32(Sha3Keccack.Current.CalculateHash(raw)), raw, Contract, data, 250_000, 30_000_000_000 + seed, 1_000_000_000, cancellation);
    }

    public static MegapoolTrackingState Megapool() =>
        MegapoolTrackingState.Empty(TrackingFixtures.MegapoolAddress)
            .WithRead(0, TrackingFixtures.Prestaked(1_750_000_000), Enumerable.Range(0, 48).Select(i => (byte)i).ToArray(), 12)
            .WithRead(3, TrackingFixtures.Staked(1_740_000_000), pubkey: null, 13)
            .WithRead(5, TrackingFixtures.Staked(1_730_000_000) with { Exiting = true }, Enumerable.Range(100, 48).Select(i => (byte)i).ToArray(), 14)
            .WithBeacon(0, TrackingFixtures.CompliantRecord() with { Slashed = true })
            .WithBeacon(5, TrackingFixtures.ExitingRecord(400_000, index: 77))
            .WithFinalWithdrawal(5, new Keeper.Chain.Proving.WithdrawalLocation(12_800_123, 3, 32_001_234_567));

    public static MinipoolTrackingState Minipool() =>
        new(TrackingFixtures.MinipoolIn(MinipoolStatus.Prelaunch, 1_750_000_000), 42);

    public static WatcherCheckpoint Checkpoint() => new(
        [
            new BlockHeader(100, Filled(0x01), Filled(0x00), 1_750_000_000, 7, 30_000_000, 12_000_000),
            new BlockHeader(101, Filled(0x02), Filled(0x01), 1_750_000_012, null, 30_000_000, 0),
        ],
        ManagerValidatorCount: 5,
        [new ValidatorKey(TrackingFixtures.MegapoolAddress, 0), new ValidatorKey(TrackingFixtures.MegapoolAddress, 3)],
        [TrackingFixtures.MinipoolAddress]);

    public static Hash32 Filled(byte value) => new(Enumerable.Repeat(value, Hash32.Size).ToArray());
}
