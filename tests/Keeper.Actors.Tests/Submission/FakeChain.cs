using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Testing.Rpc;
using Nethereum.Util;

namespace Keeper.Actors.Tests.Submission;

/// <summary>
/// A scripted node for one sending account: a pool with geth's replacement rule (both fees up by 10%), blocks mined on
/// demand from the pool in nonce order, receipts, reorgs that drop blocks (like anvil, their transactions do not return
/// to the pool), fee history, and hooks to make calls revert or sends fail. Thread-safe: the test and the actor call it.
/// </summary>
internal sealed class FakeChain : ScriptedRpcClient
{
    private readonly object _gate = new();
    private readonly Dictionary<ulong, DecodedTransaction> _pool = [];
    private readonly List<Block> _blocks = [];
    private readonly Dictionary<Hash32, (Block Block, int Index, DecodedTransaction Tx)> _mined = [];
    private readonly Dictionary<string, int> _calls = [];
    private int _salt;

    public FakeChain(ulong chainId = 31337)
    {
        ChainId = chainId;
        _blocks.Add(NewBlock(0, [], Hash32.Zero));
    }

    public ulong ChainId { get; }

    /// <summary>The next block's base fee (what fee history reports).</summary>
    public BigInteger BaseFee { get; set; } = 1_000_000_000;

    /// <summary>The median tip fee history reports.</summary>
    public BigInteger Reward { get; set; } = 1_000_000_000;

    /// <summary>When true, blocks are mined empty (a congested chain where our fees never win).</summary>
    public bool Paused { get; set; }

    /// <summary>When set, eth_call reverts with this data.</summary>
    public byte[]? RevertData { get; set; }

    public ulong GasEstimate { get; set; } = 50_000;

    /// <summary>Answers the next sends with these node errors (null entries accept), in order.</summary>
    public Queue<string?> SendErrors { get; } = new();

    /// <summary>How many of the next sends fail in transport (after reaching the pool when <see cref="TransportFailureDelivers"/>).</summary>
    public int TransportFailures { get; set; }

    public bool TransportFailureDelivers { get; set; }

    /// <summary>When true, a scripted send error is answered after the transaction entered the pool (an earlier attempt delivered it).</summary>
    public bool ScriptedErrorsDeliver { get; set; }

    /// <summary>Transactions of other senders that took our nonces (counted in the account's mined nonce).</summary>
    public ulong ForeignMined { get; set; }

    /// <summary>Every raw transaction the pool accepted, in order.</summary>
    public List<DecodedTransaction> Accepted { get; } = [];

    public ulong Head
    {
        get
        {
            lock (_gate)
            {
                return _blocks[^1].Number;
            }
        }
    }

    public int Calls(string method)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(method);
        }
    }

    public IReadOnlyList<DecodedTransaction> Pool()
    {
        lock (_gate)
        {
            return _pool.Values.OrderBy(t => t.Nonce).ToArray();
        }
    }

    /// <summary>Mines one block with the pool's transactions that follow the account's nonce and pay the base fee.</summary>
    public ulong Mine()
    {
        lock (_gate)
        {
            var included = new List<DecodedTransaction>();
            var next = MinedNonce();
            while (!Paused && _pool.TryGetValue(next, out var tx) && tx.MaxFeePerGas >= BaseFee)
            {
                included.Add(tx);
                _pool.Remove(next);
                next++;
            }

            var block = NewBlock(_blocks[^1].Number + 1, included, _blocks[^1].Hash);
            _blocks.Add(block);
            for (var i = 0; i < included.Count; i++)
            {
                _mined[included[i].Hash] = (block, i, included[i]);
            }

            return block.Number;
        }
    }

    /// <summary>Drops every block above <paramref name="number"/>; the next blocks get other hashes.</summary>
    public void ReorgTo(ulong number)
    {
        lock (_gate)
        {
            _salt++;
            while (_blocks[^1].Number > number)
            {
                foreach (var tx in _blocks[^1].Transactions)
                {
                    _mined.Remove(tx.Hash);
                }

                _blocks.RemoveAt(_blocks.Count - 1);
            }
        }
    }

    protected override Task<JsonElement> AnswerAsync(string method, IReadOnlyList<object?> parameters)
    {
        lock (_gate)
        {
            _calls[method] = _calls.GetValueOrDefault(method) + 1;
            return Task.FromResult(Json(Answer(method, parameters)));
        }
    }

    private string Answer(string method, IReadOnlyList<object?> p) => method switch
    {
        "eth_chainId" => Quantity(ChainId),
        "eth_blockNumber" => Quantity(_blocks[^1].Number),
        "eth_getBlockByNumber" => BlockJson(Text(p[0]) == "latest" ? _blocks[^1].Number : Hex.DecodeQuantityUInt64(Text(p[0]))),
        "eth_getTransactionCount" => Quantity(Text(p[1]) == "pending" ? PendingNonce() : MinedNonce()),
        "eth_call" => RevertData is { } data
            ? throw new JsonRpcNodeException(method, 3, "execution reverted", JsonDocument.Parse($"\"{Hex.Encode(data)}\"").RootElement.Clone())
            : "\"0x\"",
        // Like geth and anvil, a reverting estimate carries the revert data.
        "eth_estimateGas" => RevertData is { } estimateRevert
            ? throw new JsonRpcNodeException(method, 3, "execution reverted", JsonDocument.Parse($"\"{Hex.Encode(estimateRevert)}\"").RootElement.Clone())
            : Quantity(GasEstimate),
        "eth_feeHistory" => FeeHistoryJson(),
        "eth_sendRawTransaction" => Send(Hex.Decode(Text(p[0]))),
        "eth_getTransactionReceipt" => ReceiptJson(Hash32.Parse(Text(p[0]))),
        _ => throw new JsonRpcNodeException(method, -32601, "method not found", null),
    };

    private string Send(byte[] raw)
    {
        var tx = DecodedTransaction.Decode(raw);
        var nonce = tx.Nonce;
        if (TransportFailures > 0)
        {
            TransportFailures--;
            if (TransportFailureDelivers)
            {
                _pool[nonce] = tx;
                Accepted.Add(tx);
            }

            throw new JsonRpcTransportException("eth_sendRawTransaction", "connection reset (scripted)", 3);
        }

        if (SendErrors.TryDequeue(out var error) && error is not null)
        {
            if (ScriptedErrorsDeliver)
            {
                _pool[nonce] = tx;
                Accepted.Add(tx);
            }

            throw new JsonRpcNodeException("eth_sendRawTransaction", -32000, error, null);
        }

        if (nonce < MinedNonce())
        {
            throw new JsonRpcNodeException("eth_sendRawTransaction", -32000, "nonce too low", null);
        }

        if (_pool.TryGetValue(nonce, out var existing))
        {
            if (existing.Hash == tx.Hash)
            {
                throw new JsonRpcNodeException("eth_sendRawTransaction", -32000, "already known", null);
            }

            var old = existing;
            var replacement = tx;
            if (replacement.MaxFeePerGas * 10 < old.MaxFeePerGas * 11 || replacement.MaxPriorityFeePerGas * 10 < old.MaxPriorityFeePerGas * 11)
            {
                throw new JsonRpcNodeException("eth_sendRawTransaction", -32000, "replacement transaction underpriced", null);
            }
        }

        _pool[nonce] = tx;
        Accepted.Add(tx);
        return $"\"{tx.Hash}\"";
    }

    private ulong MinedNonce() => ForeignMined + (ulong)_mined.Count;

    private ulong PendingNonce()
    {
        var next = MinedNonce();
        while (_pool.ContainsKey(next))
        {
            next++;
        }

        return next;
    }

    private string BlockJson(ulong number)
    {
        if (number > _blocks[^1].Number)
        {
            return "null";
        }

        var b = _blocks[(int)number];
        return $"{{\"number\":\"{Quantity(b.Number)[1..^1]}\",\"hash\":\"{b.Hash}\",\"parentHash\":\"{b.Parent}\",\"timestamp\":\"0x{b.Number * 12:x}\",\"baseFeePerGas\":\"{Hex.EncodeQuantity(BaseFee)}\",\"gasLimit\":\"0x1c9c380\",\"gasUsed\":\"0x0\"}}";
    }

    private string ReceiptJson(Hash32 hash)
    {
        if (!_mined.TryGetValue(hash, out var m))
        {
            return "null";
        }

        var tx = m.Tx;
        var price = BigInteger.Min(tx.MaxFeePerGas, BaseFee + tx.MaxPriorityFeePerGas);
        var gasUsed = Math.Min(tx.GasLimit, 40_000UL);
        return $"{{\"transactionHash\":\"{hash}\",\"blockNumber\":\"{Hex.EncodeQuantity(m.Block.Number)}\",\"blockHash\":\"{m.Block.Hash}\",\"transactionIndex\":\"{Hex.EncodeQuantity((ulong)m.Index)}\",\"from\":\"{m.Tx.Sender.ToLowerHex()}\",\"to\":\"{tx.To!.Value.ToLowerHex()}\",\"contractAddress\":null,\"status\":\"0x1\",\"gasUsed\":\"{Hex.EncodeQuantity(gasUsed)}\",\"effectiveGasPrice\":\"{Hex.EncodeQuantity(price)}\",\"logs\":[]}}";
    }

    private string FeeHistoryJson()
    {
        var base0 = Hex.EncodeQuantity(BaseFee);
        var reward = Hex.EncodeQuantity(Reward);
        return $"{{\"oldestBlock\":\"{Hex.EncodeQuantity(_blocks[^1].Number)}\",\"baseFeePerGas\":[\"{base0}\",\"{base0}\"],\"gasUsedRatio\":[0.5],\"reward\":[[\"{reward}\"]]}}";
    }

    private Block NewBlock(ulong number, IReadOnlyList<DecodedTransaction> transactions, Hash32 parent) =>
        new(number, new Hash32(Sha3Keccack.Current.CalculateHash(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"block {number} salt {_salt}")))), parent, transactions);

    private static string Quantity(ulong value) => $"\"{Hex.EncodeQuantity(value)}\"";

    private static string Text(object? parameter) => parameter switch
    {
        string s => s,
        JsonElement e => e.GetString()!,
        _ => parameter?.ToString() ?? throw new ArgumentNullException(nameof(parameter)),
    };

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private sealed record Block(ulong Number, Hash32 Hash, Hash32 Parent, IReadOnlyList<DecodedTransaction> Transactions);
}
