using System.Collections.Concurrent;
using System.Numerics;
using Keeper.Actors.Submission;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Http;

/// <summary>
/// The wei this node's mined transactions cost (gas used times the effective gas price from each receipt). A receipt is
/// read once per mined transaction and remembered, so scraping the metrics adds at most one request per new transaction.
/// </summary>
/// <param name="node">The node whose receipts are read.</param>
public sealed class GasLedger(INodeView node)
{
    private readonly ConcurrentDictionary<Hash32, BigInteger> _fees = new();

    /// <summary>The sum of the fees of the mined transactions among <paramref name="transactions"/>.</summary>
    public async Task<BigInteger> SpentWeiAsync(IEnumerable<TransactionRecord> transactions, CancellationToken cancellationToken)
    {
        var total = BigInteger.Zero;
        foreach (var transaction in transactions.Where(t => t.Block is not null))
        {
            if (!_fees.TryGetValue(transaction.Hash, out var fee))
            {
                // A receipt the node does not have yet (a reorg, a lagging endpoint) is counted at the next scrape.
                var receipt = await node.GetReceiptAsync(transaction.Hash, cancellationToken);
                if (receipt is null)
                {
                    continue;
                }

                fee = receipt.Fee;
                _fees[transaction.Hash] = fee;
            }

            total += fee;
        }

        return total;
    }
}
