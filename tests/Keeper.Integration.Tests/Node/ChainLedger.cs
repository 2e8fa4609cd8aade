using System.Text.Json;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;

namespace Keeper.Integration.Tests.Node;

/// <summary>What the canonical chain holds, read block by block: the tests' source of truth, never what a node says.</summary>
public static class ChainLedger
{
    /// <summary>Every transaction sent by one of <paramref name="senders"/> in blocks <paramref name="fromBlock"/> to the head, in chain order.</summary>
    public static async Task<IReadOnlyList<SentTransaction>> SentByAsync(DevChainClient chain, IReadOnlyCollection<Address> senders, ulong fromBlock)
    {
        var head = await chain.Eth.BlockNumberAsync(CancellationToken.None);
        var sent = new List<SentTransaction>();
        for (var number = fromBlock; number <= head; number++)
        {
            var block = await chain.Rpc.SendAsync("eth_getBlockByNumber", [Hex.EncodeQuantity(number), true], CancellationToken.None);
            foreach (var tx in block.GetProperty("transactions").EnumerateArray())
            {
                var from = Address.Parse(tx.GetProperty("from").GetString()!.ToLowerInvariant());
                if (!senders.Contains(from))
                {
                    continue;
                }

                var hash = Hash32.Parse(tx.GetProperty("hash").GetString()!);
                var receipt = await chain.Eth.GetTransactionReceiptAsync(hash, CancellationToken.None)
                    ?? throw new InvalidOperationException($"Transaction {hash} of block {number} has no receipt.");
                sent.Add(new SentTransaction(
                    number,
                    hash,
                    from,
                    Hex.DecodeQuantityUInt64(tx.GetProperty("nonce").GetString()!),
                    tx.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String ? Address.Parse(to.GetString()!.ToLowerInvariant()) : null,
                    Hex.DecodeQuantity(tx.GetProperty("value").GetString()!),
                    Hex.Decode(tx.GetProperty("input").GetString()!),
                    receipt.Succeeded));
            }
        }

        return sent;
    }
}
