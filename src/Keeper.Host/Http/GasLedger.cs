using System.Collections.Concurrent;
using System.Numerics;
using Keeper.Actors.Submission;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;

namespace Keeper.Host.Http;

/// <summary>
/// The wei this node's mined transactions cost (gas used times the effective gas price from each receipt). A receipt is
/// read once per mined transaction, in the background, and remembered: a scrape never waits for the chain, and a fee the
/// chain has not told yet is counted at a later scrape.
/// </summary>
/// <param name="node">The node whose receipts are read.</param>
public sealed class GasLedger(INodeView node)
{
    private readonly ConcurrentDictionary<Hash32, BigInteger> _fees = new();
    private readonly ConcurrentDictionary<Hash32, bool> _reading = new();

    /// <summary>The sum of the fees known so far of the mined transactions among <paramref name="transactions"/>; starts reading the others.</summary>
    public BigInteger SpentWei(IEnumerable<TransactionRecord> transactions)
    {
        var total = BigInteger.Zero;
        foreach (var transaction in transactions.Where(t => t.Block is not null))
        {
            if (!_fees.ContainsKey(transaction.Hash) && _reading.TryAdd(transaction.Hash, true))
            {
                _ = ReadAsync(transaction.Hash);
            }

            // A read that completed at once (a cached answer) counts already.
            if (_fees.TryGetValue(transaction.Hash, out var fee))
            {
                total += fee;
            }
        }

        return total;
    }

    private async Task ReadAsync(Hash32 hash)
    {
        try
        {
            // A receipt the node does not have yet (a reorg, a lagging endpoint) is read again at the next scrape.
            if (await node.GetReceiptAsync(hash, CancellationToken.None) is { } receipt)
            {
                _fees[hash] = receipt.Fee;
            }
        }
        catch (Exception ex) when (ex is JsonRpcException or EthResponseException)
        {
            // The RPC failed: the same, read again at the next scrape; the RPC's health and errors are metrics of their own.
        }
        finally
        {
            _reading.TryRemove(hash, out _);
        }
    }
}
