using System.Buffers.Binary;
using Keeper.Chain.Beacon.Ssz;

namespace Keeper.Benchmarks.Ssz;

/// <summary>
/// A mainnet-shaped beacon state of any size: random pubkeys, 0x01/0x02 credentials over a thousand addresses, 32 ETH
/// effective balances, a few exited validators, random roots and mixes. The slot has a block (the header's state_root
/// is zero), as a state served for a proof's slot has.
/// </summary>
internal static class SyntheticBeaconState
{
    private const int ValidatorSize = 121;
    private const ulong FarFutureEpoch = ulong.MaxValue;

    public static byte[] Create(BeaconFork fork, int validators, ulong slot, int seed)
    {
        var types = BeaconTypes.For(fork);
        var random = new Random(seed);
        var epoch = slot / 32;
        var registry = new byte[validators * ValidatorSize];
        var pubkeys = new byte[validators * 48];
        random.NextBytes(pubkeys);
        var addresses = new byte[1000 * 20];
        random.NextBytes(addresses);
        for (var i = 0; i < validators; i++)
        {
            var record = registry.AsSpan(i * ValidatorSize, ValidatorSize);
            pubkeys.AsSpan(i * 48, 48).CopyTo(record);
            record[48] = (byte)(i % 3 == 0 ? 0x02 : 0x01);
            addresses.AsSpan(i % 1000 * 20, 20).CopyTo(record[(48 + 12)..]);
            BinaryPrimitives.WriteUInt64LittleEndian(record[80..], 32_000_000_000);
            var exited = i % 100 == 7;
            BinaryPrimitives.WriteUInt64LittleEndian(record[89..], (ulong)(i / 1000));
            BinaryPrimitives.WriteUInt64LittleEndian(record[97..], (ulong)(i / 1000) + 5);
            BinaryPrimitives.WriteUInt64LittleEndian(record[105..], exited ? epoch - 10 : FarFutureEpoch);
            BinaryPrimitives.WriteUInt64LittleEndian(record[113..], exited ? epoch + 246 : FarFutureEpoch);
        }

        var balances = new byte[validators * 8];
        for (var i = 0; i < validators; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(balances.AsSpan(i * 8), 32_000_000_000UL + (ulong)random.Next(100_000_000));
        }

        var participation = new byte[validators];
        random.NextBytes(participation);
        for (var i = 0; i < participation.Length; i++)
        {
            participation[i] &= 0x07;
        }

        return types.BeaconState.Serialize(new Dictionary<string, byte[]>
        {
            ["genesis_time"] = UInt64(1_606_824_023),
            ["genesis_validators_root"] = Random(random, 32),
            ["slot"] = UInt64(slot),
            ["latest_block_header"] = types.BeaconBlockHeader.Serialize(new Dictionary<string, byte[]>
            {
                ["slot"] = UInt64(slot),
                ["proposer_index"] = UInt64((ulong)random.Next(Math.Max(1, validators))),
                ["parent_root"] = Random(random, 32),
                ["body_root"] = Random(random, 32),
            }),
            ["block_roots"] = Random(random, 8192 * 32),
            ["state_roots"] = Random(random, 8192 * 32),
            ["validators"] = registry,
            ["balances"] = balances,
            ["randao_mixes"] = Random(random, 65536 * 32),
            ["previous_epoch_participation"] = participation,
            ["current_epoch_participation"] = participation,
            ["inactivity_scores"] = new byte[validators * 8],
            ["historical_summaries"] = Random(random, 1200 * 64),
        });
    }

    private static byte[] UInt64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Random(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
