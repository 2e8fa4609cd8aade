using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Nethereum.JsonRpc.Client;

namespace Keeper.Chain.Eth;

/// <summary>
/// Typed Ethereum JSON-RPC methods over a Nethereum <see cref="IClient"/> (in a node, the <see cref="FailoverClient"/>;
/// in unit tests, a scripted one). Every answer is validated; a malformed one is an <see cref="EthResponseException"/>,
/// never a default value. Node errors are <see cref="JsonRpcNodeException"/>s, transport failures
/// <see cref="JsonRpcTransportException"/>s (see <see cref="ClientExtensions"/>).
/// </summary>
public sealed class EthApi
{
    /// <summary>Creates the API over a JSON-RPC client.</summary>
    public EthApi(IClient rpc)
    {
        Rpc = rpc;
    }

    /// <summary>The underlying JSON-RPC client.</summary>
    public IClient Rpc { get; }

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<ulong> ChainIdAsync(CancellationToken cancellationToken)
    {
        const string method = "eth_chainId";
        var result = await Rpc.SendAsync(method, [], cancellationToken);
        return RpcJson.UInt64(result, "chain id", method);
    }

    /// <summary><c>eth_blockNumber</c>: the head's number.</summary>
    public async Task<ulong> BlockNumberAsync(CancellationToken cancellationToken)
    {
        const string method = "eth_blockNumber";
        var result = await Rpc.SendAsync(method, [], cancellationToken);
        return RpcJson.UInt64(result, "block number", method);
    }

    /// <summary><c>eth_getBlockByNumber</c> without transactions.</summary>
    /// <exception cref="EthResponseException">The node does not have the block, or its answer is malformed.</exception>
    public async Task<BlockHeader> GetBlockAsync(BlockTag block, CancellationToken cancellationToken)
    {
        const string method = "eth_getBlockByNumber";
        var result = await Rpc.SendAsync(method, [block.ToRpc(), false], cancellationToken);
        return RpcJson.Header(result, method);
    }

    /// <summary><c>eth_getBlockByHash</c> without transactions; null when the node does not know the hash.</summary>
    public async Task<BlockHeader?> GetBlockByHashAsync(Hash32 hash, CancellationToken cancellationToken)
    {
        const string method = "eth_getBlockByHash";
        var result = await Rpc.SendAsync(method, [hash.ToString(), false], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : RpcJson.Header(result, method);
    }

    /// <summary>Reads several blocks by number in one JSON-RPC batch, in the order asked.</summary>
    /// <exception cref="EthResponseException">The node lacks one of the blocks.</exception>
    public async Task<IReadOnlyList<BlockHeader>> GetBlocksAsync(IReadOnlyList<ulong> numbers, CancellationToken cancellationToken)
    {
        const string method = "eth_getBlockByNumber";
        if (numbers.Count == 0)
        {
            return [];
        }

        var requests = numbers.Select(n => new JsonRpcRequest(method, [Hex.EncodeQuantity(n), false])).ToArray();
        var responses = await Rpc.SendBatchAsync(requests, cancellationToken);
        var headers = new BlockHeader[responses.Count];
        for (var i = 0; i < responses.Count; i++)
        {
            headers[i] = RpcJson.Header(responses[i].GetResultOrThrow(), method);
        }

        return headers;
    }

    /// <summary><c>eth_getBalance</c> in wei.</summary>
    public async Task<BigInteger> GetBalanceAsync(Address address, BlockTag block, CancellationToken cancellationToken)
    {
        const string method = "eth_getBalance";
        var result = await Rpc.SendAsync(method, [address.ToLowerHex(), block.ToRpc()], cancellationToken);
        return RpcJson.Quantity(result, "balance", method);
    }

    /// <summary>
    /// <c>eth_getTransactionCount</c>: the next nonce. At <see cref="BlockTag.Latest"/> it counts mined transactions;
    /// at <see cref="BlockTag.Pending"/> it also counts those in the node's pool.
    /// </summary>
    public async Task<ulong> GetTransactionCountAsync(Address address, BlockTag block, CancellationToken cancellationToken)
    {
        const string method = "eth_getTransactionCount";
        var result = await Rpc.SendAsync(method, [address.ToLowerHex(), block.ToRpc()], cancellationToken);
        return RpcJson.UInt64(result, "transaction count", method);
    }

    /// <summary><c>eth_getCode</c>.</summary>
    public async Task<byte[]> GetCodeAsync(Address address, BlockTag block, CancellationToken cancellationToken)
    {
        const string method = "eth_getCode";
        var result = await Rpc.SendAsync(method, [address.ToLowerHex(), block.ToRpc()], cancellationToken);
        return RpcJson.Data(result, "code", method);
    }

    /// <summary>
    /// <c>eth_call</c>. With <paramref name="overrides"/> the call runs with a simulated block (for example the next
    /// block's timestamp). A revert throws <see cref="JsonRpcNodeException"/> with the revert data.
    /// </summary>
    public async Task<byte[]> CallAsync(CallRequest call, BlockTag block, CancellationToken cancellationToken, BlockOverrides? overrides = null)
    {
        const string method = "eth_call";
        var result = await Rpc.SendAsync(method, CallParameters(call, block, overrides), cancellationToken);
        return RpcJson.Data(result, "return data", method);
    }

    /// <summary>The positional parameters of an <c>eth_call</c>, also used to build batches.</summary>
    public static IReadOnlyList<object?> CallParameters(CallRequest call, BlockTag block, BlockOverrides? overrides = null)
    {
        var tx = ToJson(call);
        if (overrides is null)
        {
            return [tx, block.ToRpc()];
        }

        var blockOverrides = new JsonObject();
        if (overrides.Time is { } time)
        {
            blockOverrides["time"] = Hex.EncodeQuantity(time);
        }

        if (overrides.Number is { } number)
        {
            blockOverrides["number"] = Hex.EncodeQuantity(number);
        }

        return [tx, block.ToRpc(), new JsonObject(), blockOverrides];
    }

    /// <summary><c>eth_estimateGas</c>.</summary>
    public async Task<ulong> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken)
    {
        const string method = "eth_estimateGas";
        var result = await Rpc.SendAsync(method, [ToJson(call)], cancellationToken);
        return RpcJson.UInt64(result, "gas estimate", method);
    }

    /// <summary>
    /// <c>eth_estimateGas</c> at <paramref name="block"/> with block overrides (the same positional form as
    /// <see cref="CallAsync"/>; anvil and recent geth accept it), so a call that becomes valid only at the next block's
    /// timestamp can be estimated before that block exists.
    /// </summary>
    public async Task<ulong> EstimateGasAsync(CallRequest call, BlockTag block, BlockOverrides overrides, CancellationToken cancellationToken)
    {
        const string method = "eth_estimateGas";
        ArgumentNullException.ThrowIfNull(overrides);
        var result = await Rpc.SendAsync(method, CallParameters(call, block, overrides), cancellationToken);
        return RpcJson.UInt64(result, "gas estimate", method);
    }

    /// <summary><c>eth_sendRawTransaction</c>; returns the hash the node computed.</summary>
    public async Task<Hash32> SendRawTransactionAsync(ReadOnlyMemory<byte> rawTransaction, CancellationToken cancellationToken)
    {
        const string method = "eth_sendRawTransaction";
        var result = await Rpc.SendAsync(method, [Hex.Encode(rawTransaction.Span)], cancellationToken);
        return RpcJson.Hash(result, "transaction hash", method);
    }

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(Hash32 transactionHash, CancellationToken cancellationToken)
    {
        const string method = "eth_getTransactionReceipt";
        var result = await Rpc.SendAsync(method, [transactionHash.ToString()], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : RpcJson.Receipt(result, method);
    }

    /// <summary>
    /// Reads several receipts in one JSON-RPC batch, in the order asked; an entry is null while that transaction is not
    /// mined (or the node does not know it).
    /// </summary>
    /// <exception cref="JsonRpcNodeException">The node answered one of the calls with an error.</exception>
    public async Task<IReadOnlyList<TransactionReceipt?>> GetTransactionReceiptsAsync(IReadOnlyList<Hash32> transactionHashes, CancellationToken cancellationToken)
    {
        const string method = "eth_getTransactionReceipt";
        if (transactionHashes.Count == 0)
        {
            return [];
        }

        var requests = transactionHashes.Select(h => new JsonRpcRequest(method, [h.ToString()])).ToArray();
        var responses = await Rpc.SendBatchAsync(requests, cancellationToken);
        var receipts = new TransactionReceipt?[responses.Count];
        for (var i = 0; i < responses.Count; i++)
        {
            var result = responses[i].GetResultOrThrow();
            receipts[i] = result.ValueKind == JsonValueKind.Null ? null : RpcJson.Receipt(result, method);
        }

        return receipts;
    }

    /// <summary><c>eth_feeHistory</c> over the last <paramref name="blockCount"/> blocks up to <paramref name="newestBlock"/>.</summary>
    public async Task<FeeHistory> FeeHistoryAsync(int blockCount, BlockTag newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken)
    {
        const string method = "eth_feeHistory";
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        var percentiles = new JsonArray(rewardPercentiles.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        var result = await Rpc.SendAsync(method, [Hex.EncodeQuantity((ulong)blockCount), newestBlock.ToRpc(), percentiles], cancellationToken);

        var oldest = RpcJson.UInt64(RpcJson.Field(result, "oldestBlock", method), "oldestBlock", method);
        var baseFees = RpcJson.Field(result, "baseFeePerGas", method).EnumerateArray()
            .Select(e => RpcJson.Quantity(e, "baseFeePerGas", method)).ToArray();
        var ratios = RpcJson.Field(result, "gasUsedRatio", method).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        IReadOnlyList<BigInteger>[] rewards = RpcJson.IsAbsent(result, "reward")
            ? []
            : result.GetProperty("reward").EnumerateArray()
                .Select(block => (IReadOnlyList<BigInteger>)block.EnumerateArray().Select(e => RpcJson.Quantity(e, "reward", method)).ToArray())
                .ToArray();

        if (baseFees.Length != ratios.Length + 1)
        {
            throw new EthResponseException(method, $"baseFeePerGas should hold one entry more than gasUsedRatio ({ratios.Length}); it holds {baseFees.Length}.");
        }

        if (rewardPercentiles.Count > 0 && (rewards.Length != ratios.Length || rewards.Any(r => r.Count != rewardPercentiles.Count)))
        {
            throw new EthResponseException(method, "reward should hold one entry per block with one value per requested percentile.");
        }

        return new FeeHistory(oldest, baseFees, ratios, rewards);
    }

    /// <summary><c>eth_getLogs</c> for one range, as the node answers it (see <see cref="Logs.LogFetcher"/> for large ranges).</summary>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken)
    {
        const string method = "eth_getLogs";
        var result = await Rpc.SendAsync(method, [ToJson(filter)], cancellationToken);
        return RpcJson.Logs(result, method);
    }

    private static JsonObject ToJson(CallRequest call)
    {
        var tx = new JsonObject
        {
            ["to"] = call.To.ToLowerHex(),
            ["data"] = Hex.Encode(call.Data),
        };
        if (call.From is { } from)
        {
            tx["from"] = from.ToLowerHex();
        }

        if (call.Gas is { } gas)
        {
            tx["gas"] = Hex.EncodeQuantity(gas);
        }

        if (call.Value is { } value)
        {
            tx["value"] = Hex.EncodeQuantity(value);
        }

        return tx;
    }

    private static JsonObject ToJson(LogFilter filter)
    {
        var json = new JsonObject
        {
            ["fromBlock"] = Hex.EncodeQuantity(filter.FromBlock),
            ["toBlock"] = Hex.EncodeQuantity(filter.ToBlock),
        };
        if (filter.Addresses.Count > 0)
        {
            json["address"] = new JsonArray(filter.Addresses.Select(a => (JsonNode?)JsonValue.Create(a.ToLowerHex())).ToArray());
        }

        if (filter.Topics.Count > 0)
        {
            json["topics"] = new JsonArray(filter.Topics.Select(position => position is null || position.Count == 0
                ? null
                : (JsonNode)new JsonArray(position.Select(t => (JsonNode?)JsonValue.Create(t.ToString())).ToArray())).ToArray());
        }

        return json;
    }
}
