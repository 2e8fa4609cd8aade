using System.Buffers.Binary;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// The EIP-4788 beacon roots contract of a dev chain: tests/contracts/beacon/BeaconRootsHarness.sol installed at the
/// EIP-4788 address, answering reads exactly as the real contract does (root by the child block's timestamp, a revert
/// without data when the timestamp is unknown or overwritten). The devnet's synthetic beacon chain writes its roots here
/// in the real contract's storage layout, since anvil makes no system call that would.
/// </summary>
public sealed class BeaconRootsContract
{
    /// <summary>EIP-4788's ring buffer length: a root is readable until a timestamp congruent modulo it replaces it.</summary>
    public const ulong HistoryBufferLength = 8191;

    private const string ContractName = "BeaconRootsHarness";

    private readonly DevChainClient _chain;

    private BeaconRootsContract(DevChainClient chain) => _chain = chain;

    /// <summary>The address EIP-4788 fixes for the contract, where Rocket Pool's verifier reads block roots.</summary>
    public static Address Address { get; } = Address.Parse("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");

    /// <summary>Puts the stand-in's runtime code at <see cref="Address"/> (replacing whatever code is there; storage is kept).</summary>
    public static async Task<BeaconRootsContract> InstallAsync(DevChainClient chain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var code = CompiledContracts.Get(ContractName).RuntimeBytecode;
        await chain.Rpc.SendAsync("anvil_setCode", [Address.ToLowerHex(), Hex.Encode(code)], cancellationToken);
        return new BeaconRootsContract(chain);
    }

    /// <summary>
    /// Makes <paramref name="root"/> the answer for <paramref name="timestamp"/> (the timestamp of the execution block whose
    /// parent beacon block has that root), as the system call of that block would: the ring slot
    /// <c>timestamp % 8191</c> takes the timestamp and slot <c>timestamp % 8191 + 8191</c> the root, so an older timestamp
    /// in the same ring slot stops answering.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is 0, which the contract never answers.</exception>
    public async Task SetRootAsync(ulong timestamp, Hash32 root, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(timestamp);
        var slot = timestamp % HistoryBufferLength;
        await SetStorageAsync(slot, Word(timestamp), cancellationToken);
        await SetStorageAsync(slot + HistoryBufferLength, root.ToString(), cancellationToken);
    }

    private Task SetStorageAsync(ulong slot, string value, CancellationToken cancellationToken) =>
        _chain.Rpc.SendAsync("anvil_setStorageAt", [Address.ToLowerHex(), Word(slot), value], cancellationToken);

    private static string Word(ulong value)
    {
        var word = new byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(word.AsSpan(24), value);
        return Hex.Encode(word);
    }
}
