using System.Text.Json;
using System.Text.Json.Nodes;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Testing.Rpc;
using Nethereum.Util;

namespace Keeper.Chain.Tests.Fakes;

/// <summary>
/// An in-memory chain answering the JSON-RPC methods the follower and log fetcher use, for unit tests. Blocks are
/// numbered from 0; <see cref="Reorg"/> replaces the chain above a block with a new branch. The real thing is tested on anvil.
/// </summary>
internal sealed class FakeChain : ScriptedRpcClient
{
    private readonly List<(Hash32 Hash, Hash32 Parent, ulong Time)> _blocks = [];
    private int _branch;

    public FakeChain(int blocks)
    {
        Mine(blocks);
    }

    public List<string> Calls { get; } = [];

    public ulong? MaxLogRange { get; set; }

    public int Head => _blocks.Count - 1;

    public Hash32 HashAt(int number) => _blocks[number].Hash;

    public void Mine(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var number = _blocks.Count;
            var parent = number == 0 ? Hash32.Zero : _blocks[^1].Hash;
            var hash = new Hash32(Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"block {number} branch {_branch}")));
            _blocks.Add((hash, parent, 1_700_000_000UL + ((ulong)number * 12)));
        }
    }

    /// <summary>Drops the blocks above <paramref name="ancestor"/> and mines <paramref name="newBlocks"/> on a new branch.</summary>
    public void Reorg(int ancestor, int newBlocks)
    {
        _blocks.RemoveRange(ancestor + 1, _blocks.Count - ancestor - 1);
        _branch++;
        Mine(newBlocks);
    }

    protected override Task<JsonElement> AnswerAsync(string method, IReadOnlyList<object?> parameters)
    {
        Calls.Add(method);
        var response = Answer(method, parameters);
        return response.Error is { } error ? Task.FromException<JsonElement>(error) : Task.FromResult(response.GetResultOrThrow());
    }

    protected override Task<IReadOnlyList<JsonRpcResponse>> AnswerBatchAsync(IReadOnlyList<JsonRpcRequest> requests)
    {
        Calls.Add("batch");
        IReadOnlyList<JsonRpcResponse> responses = requests.Select(r => Answer(r.Method, r.Parameters)).ToArray();
        return Task.FromResult(responses);
    }

    private JsonRpcResponse Answer(string method, IReadOnlyList<object?> parameters) => method switch
    {
        "eth_blockNumber" => Ok(method, JsonValue.Create(Hex.EncodeQuantity((ulong)Head))),
        "eth_getBlockByNumber" => Ok(method, Block((string)parameters[0]!)),
        "eth_getLogs" => Logs(method, (JsonObject)parameters[0]!),
        _ => throw new NotSupportedException($"FakeChain does not answer {method}."),
    };

    private JsonNode? Block(string tag)
    {
        var number = tag == "latest" ? Head : (int)Hex.DecodeQuantityUInt64(tag);
        if (number > Head)
        {
            return null;
        }

        var (hash, parent, time) = _blocks[number];
        return new JsonObject
        {
            ["number"] = Hex.EncodeQuantity((ulong)number),
            ["hash"] = hash.ToString(),
            ["parentHash"] = parent.ToString(),
            ["timestamp"] = Hex.EncodeQuantity(time),
            ["baseFeePerGas"] = "0x3b9aca00",
            ["gasLimit"] = "0x1c9c380",
            ["gasUsed"] = "0x0",
        };
    }

    private JsonRpcResponse Logs(string method, JsonObject filter)
    {
        var from = Hex.DecodeQuantityUInt64((string)filter["fromBlock"]!);
        var to = Hex.DecodeQuantityUInt64((string)filter["toBlock"]!);
        if (MaxLogRange is { } max && to - from + 1 > max)
        {
            return JsonRpcResponse.Failure(method, new JsonRpcNodeException(method, -32005, $"query exceeds max block range {max}", null));
        }

        // One log per block, so a test can check that every block was covered exactly once.
        var logs = new JsonArray();
        for (var n = from; n <= to; n++)
        {
            logs.Add(new JsonObject
            {
                ["address"] = "0x00000000000000000000000000000000000000aa",
                ["topics"] = new JsonArray(Hash32.Zero.ToString()),
                ["data"] = "0x",
                ["blockNumber"] = Hex.EncodeQuantity(n),
                ["blockHash"] = _blocks[(int)n].Hash.ToString(),
                ["transactionHash"] = Hash32.Zero.ToString(),
                ["transactionIndex"] = "0x0",
                ["logIndex"] = "0x0",
                ["removed"] = false,
            });
        }

        return Ok(method, logs);
    }

    private static JsonRpcResponse Ok(string method, JsonNode? node) =>
        JsonRpcResponse.Success(method, JsonSerializer.SerializeToElement(node));
}
