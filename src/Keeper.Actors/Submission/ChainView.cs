using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>
/// What one head's check learned from the node: the receipts of our hashes, and which of their blocks are canonical
/// (the test <see cref="ReceiptWaiter.TryGetConfirmedAsync"/> applies to one hash, here for all at once).
/// </summary>
internal sealed class ChainView(ulong head, IReadOnlyDictionary<Hash32, TransactionReceipt> receipts, IReadOnlyDictionary<ulong, Hash32> canonical)
{
    private ulong? _minedCount;
    private bool _minedCountRead;

    /// <summary>The head number the check runs at.</summary>
    public ulong Head { get; } = head;

    /// <summary>The receipt of one of <paramref name="entry"/>'s versions whose block is canonical, or null.</summary>
    public TransactionReceipt? CanonicalReceipt(SubmissionEntry entry)
    {
        foreach (var version in entry.Versions)
        {
            if (receipts.TryGetValue(version.Hash, out var receipt)
                && canonical.TryGetValue(receipt.BlockNumber, out var hash)
                && hash == receipt.BlockHash)
            {
                return receipt;
            }
        }

        return null;
    }

    /// <summary>True when the node returned a receipt, canonical or not, for any version.</summary>
    public bool AnyReceipt(SubmissionEntry entry) => entry.Versions.Any(v => receipts.ContainsKey(v.Hash));

    /// <summary>The account's mined transaction count, read at most once per check; null if it could not be read.</summary>
    public async Task<ulong?> MinedCountAsync(Func<Task<ulong>> read)
    {
        if (!_minedCountRead)
        {
            _minedCountRead = true;
            try
            {
                _minedCount = await read();
            }
            catch (Exception e) when (e is Keeper.Chain.Rpc.JsonRpcException or EthResponseException)
            {
                _minedCount = null;
            }
        }

        return _minedCount;
    }
}
