using Keeper.Chain.Beacon;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet.Beacon;

namespace Keeper.Host.Tests.Devnet.Beacon;

/// <summary>Shared set-up for the devnet beacon chain tests.</summary>
internal static class DevBeaconTestKit
{
    /// <summary>The genesis time the tests use.</summary>
    public const ulong Genesis = 1_700_000_000;

    /// <summary>A megapool address.</summary>
    public static readonly Address Megapool = Address.Parse("0x00000000000000000000000000000000000a11ce");

    /// <summary>An anvil block in <paramref name="slot"/> (some seconds into it), numbered after the slot.</summary>
    public static DevExecutionBlock Execution(ulong slot, ulong secondsIn = 5) =>
        new(slot + 100, Hash(slot, 0xee), Hash(slot, 0xdd), Genesis + (slot * 12) + secondsIn);

    /// <summary>A megapool manager entry in the given stage.</summary>
    public static ManagedValidator Entry(uint id, bool prestake = false, bool staked = false, bool inQueue = false) =>
        new(id, Pubkey(id).ToArray(), new ValidatorInfo(
            1, 0, 0, 0, staked, false, inQueue, prestake, false, false, false, false, 0, ValidatorInfoLayout.V2), Megapool, id);

    /// <summary>A distinct public key per id.</summary>
    public static ValidatorPubkey Pubkey(uint id)
    {
        var bytes = new byte[48];
        bytes[0] = 0xb0;
        BitConverter.TryWriteBytes(bytes.AsSpan(40), id);
        return new ValidatorPubkey(bytes);
    }

    private static Hash32 Hash(ulong n, byte tag)
    {
        var bytes = new byte[32];
        bytes[0] = tag;
        BitConverter.TryWriteBytes(bytes.AsSpan(24), n);
        return new Hash32(bytes);
    }
}
