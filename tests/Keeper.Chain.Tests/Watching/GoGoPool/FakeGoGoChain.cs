using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;
using Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;
using Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;
using Keeper.Chain.Contracts.RocketPool.RocketStorageDefinition;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Testing.Rpc;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Util;

namespace Keeper.Chain.Tests.Watching.GoGoPool;

/// <summary>
/// An in-memory GoGoPool deployment for the watcher's unit tests: blocks 2 s apart, each with its own state, answering
/// the head, headers, logs, and the contracts' reads at any block. It records every request, so tests can count them.
/// The real contracts are tested on anvil.
/// </summary>
internal sealed class FakeGoGoChain : ScriptedRpcClient
{
    public const ulong GenesisTime = 1_700_000_000;

    private static readonly ParametersEncoder Encoder = new();
    private readonly List<(Hash32 Hash, Hash32 Parent, ulong Time, FakeGoGoState State)> _blocks = [];
    private int _branch;

    public FakeGoGoChain(int blocks)
    {
        var genesis = new FakeGoGoState();
        genesis.Registry[GoGoPoolContractNames.MinipoolManager] = MinipoolManager;
        genesis.Registry[GoGoPoolContractNames.RewardsPool] = RewardsPool;
        genesis.Registry[GoGoPoolContractNames.ProtocolDao] = ProtocolDao;
        genesis.CycleCount = 3;
        genesis.CycleStartTime = GenesisTime;
        Append(genesis);
        for (var i = 1; i < blocks; i++)
        {
            Mine();
        }
    }

    public static Address Storage { get; } = At(0x51);

    public static Address MinipoolManager { get; } = At(0x52);

    public static Address RewardsPool { get; } = At(0x53);

    public static Address ProtocolDao { get; } = At(0x54);

    public static GoGoPoolDeployment Deployment { get; } = new(Storage, MinipoolManager, RewardsPool, ProtocolDao);

    public static GoGoPoolSettings Settings { get; } = new(28 * 86_400, 86_400, 14 * 86_400, 86_400, 365 * 86_400, 5 * 86_400);

    /// <summary>Each request in order: its method, or <c>batch:N</c> for a batch of N.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The filters of the <c>eth_getLogs</c> requests.</summary>
    public List<JsonObject> LogFilters { get; } = [];

    public int Head => _blocks.Count - 1;

    /// <summary>When set, the first batch it matches fails with a node error (then it is cleared).</summary>
    public Func<IReadOnlyList<JsonRpcRequest>, bool>? FailBatchOnce { get; set; }

    public static Address At(int tail)
    {
        var bytes = new byte[Address.Size];
        bytes[19] = (byte)tail;
        bytes[0] = (byte)(tail >> 8);
        return new Address(bytes);
    }

    public Hash32 HashAt(int number) => _blocks[number].Hash;

    public ulong TimeAt(int number) => _blocks[number].Time;

    /// <summary>Mines one block, applying <paramref name="change"/> to its state.</summary>
    public void Mine(Action<FakeGoGoState>? change = null)
    {
        var state = _blocks[^1].State.Next();
        state.Time = GenesisTime + ((ulong)_blocks.Count * 2);
        change?.Invoke(state);
        Append(state);
    }

    /// <summary>Drops the blocks above <paramref name="ancestor"/>; later blocks are mined on a new branch.</summary>
    public void Reorg(int ancestor)
    {
        _blocks.RemoveRange(ancestor + 1, _blocks.Count - ancestor - 1);
        _branch++;
    }

    protected override Task<JsonElement> AnswerAsync(string method, IReadOnlyList<object?> parameters)
    {
        Requests.Add(method);
        return Task.FromResult(Answer(method, parameters));
    }

    protected override Task<IReadOnlyList<JsonRpcResponse>> AnswerBatchAsync(IReadOnlyList<JsonRpcRequest> requests)
    {
        Requests.Add($"batch:{requests.Count}");
        if (FailBatchOnce?.Invoke(requests) == true)
        {
            FailBatchOnce = null;
            throw new JsonRpcNodeException("batch", -32000, "scripted failure", null);
        }

        IReadOnlyList<JsonRpcResponse> responses = [.. requests.Select(r => JsonRpcResponse.Success(r.Method, Answer(r.Method, r.Parameters)))];
        return Task.FromResult(responses);
    }

    private void Append(FakeGoGoState state)
    {
        var number = _blocks.Count;
        var parent = number == 0 ? Hash32.Zero : _blocks[^1].Hash;
        var hash = new Hash32(Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"gogo block {number} branch {_branch}")));
        _blocks.Add((hash, parent, GenesisTime + ((ulong)number * 2), state));
    }

    private JsonElement Answer(string method, IReadOnlyList<object?> parameters) => JsonSerializer.SerializeToElement(method switch
    {
        "eth_getBlockByNumber" => Block((string)parameters[0]!),
        "eth_getLogs" => Logs((JsonObject)parameters[0]!),
        "eth_getCode" => JsonValue.Create("0x6080"),
        "eth_call" => JsonValue.Create(Hex.Encode(Call((JsonObject)parameters[0]!, (string)parameters[1]!))),
        _ => throw new NotSupportedException($"FakeGoGoChain does not answer {method}."),
    });

    private int Number(string tag) => tag == "latest" ? Head : (int)Hex.DecodeQuantityUInt64(tag);

    private JsonNode? Block(string tag)
    {
        var number = Number(tag);
        if (number > Head)
        {
            return null;
        }

        var (hash, parent, time, _) = _blocks[number];
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

    private JsonArray Logs(JsonObject filter)
    {
        LogFilters.Add(filter);
        var from = Hex.DecodeQuantityUInt64((string)filter["fromBlock"]!);
        var to = Hex.DecodeQuantityUInt64((string)filter["toBlock"]!);
        var addresses = filter["address"]!.AsArray().Select(a => Address.Parse((string)a!)).ToHashSet();
        var topics = filter["topics"]![0]!.AsArray().Select(t => Hash32.Parse((string)t!)).ToHashSet();
        var logs = new JsonArray();
        for (var n = (int)from; n <= (int)to; n++)
        {
            var index = 0;
            foreach (var (emitter, logTopics, data) in _blocks[n].State.Logs)
            {
                if (addresses.Contains(emitter) && topics.Contains(logTopics[0]))
                {
                    logs.Add(new JsonObject
                    {
                        ["address"] = emitter.ToLowerHex(),
                        ["topics"] = new JsonArray([.. logTopics.Select(t => (JsonNode?)JsonValue.Create(t.ToString()))]),
                        ["data"] = Hex.Encode(data),
                        ["blockNumber"] = Hex.EncodeQuantity((ulong)n),
                        ["blockHash"] = _blocks[n].Hash.ToString(),
                        ["transactionHash"] = Hash32.Zero.ToString(),
                        ["transactionIndex"] = Hex.EncodeQuantity((ulong)index),
                        ["logIndex"] = Hex.EncodeQuantity((ulong)index),
                        ["removed"] = false,
                    });
                }

                index++;
            }
        }

        return logs;
    }

    private byte[] Call(JsonObject tx, string tag)
    {
        var state = _blocks[Number(tag)].State;
        var to = Address.Parse((string)tx["to"]!);
        var data = Hex.Decode((string)tx["data"]!);
        var selector = data[..4];
        bool Is<TFunction>()
            where TFunction : Nethereum.Contracts.FunctionMessage, new() => selector.AsSpan().SequenceEqual(ContractAbi.Selector<TFunction>());

        if (to == Storage && Is<GetAddressFunction>())
        {
            var key = new Hash32(data.AsSpan(4, 32));
            return Word(state.Registry.Single(r => GoGoPoolContractNames.StorageKey(r.Key) == key).Value.Bytes);
        }

        if (to == state.Registry[GoGoPoolContractNames.ProtocolDao])
        {
            return Word(
                Is<GetRewardsCycleSecondsFunction>() ? Settings.RewardsCycleSeconds
                : Is<GetInflationIntervalSecondsFunction>() ? Settings.InflationIntervalSeconds
                : Is<GetMinipoolCycleDurationFunction>() ? Settings.MinipoolCycleDuration
                : Is<GetMinipoolCycleDelayToleranceFunction>() ? Settings.MinipoolCycleDelayTolerance
                : Is<GetMinipoolMaxDurationFunction>() ? Settings.MinipoolMaxDuration
                : Settings.MinipoolCancelMoratoriumSeconds);
        }

        if (to == state.Registry[GoGoPoolContractNames.RewardsPool])
        {
            return Word(
                Is<GetRewardsCycleStartTimeFunction>() ? state.CycleStartTime
                : Is<GetRewardsCycleCountFunction>() ? state.CycleCount
                : Is<GetInflationIntervalStartTimeFunction>() ? state.CycleStartTime
                : 0);
        }

        if (to == state.Registry[GoGoPoolContractNames.MinipoolManager])
        {
            if (Is<GetMinipoolCountFunction>())
            {
                return Word((ulong)state.Minipools.Count);
            }

            var index = Is<GetMinipoolFunction>()
                ? (int)new BigInteger(data.AsSpan(4, 32), isUnsigned: false, isBigEndian: true)
                : state.Minipools.FindIndex(m => m.NodeId == new Address(data.AsSpan(16, 20)));
            return Record(state, index);
        }

        throw new NotSupportedException($"FakeGoGoChain has no contract at {to} answering {Hex.Encode(selector)}.");
    }

    private static byte[] Record(FakeGoGoState state, int index)
    {
        var found = index >= 0 && index < state.Minipools.Count;
        var (nodeId, status, startTime) = found ? state.Minipools[index] : (Address.Zero, (byte)0, 0UL);
        var record = new MinipoolStruct
        {
            Index = found ? index : -1, NodeId = nodeId.ToLowerHex(), Status = status, Duration = 14 * 86_400,
            Owner = At(0x77).ToLowerHex(), MultisigAddr = At(0x78).ToLowerHex(), BlsPubkeyAndSig = [], TxId = new byte[32],
            StartTime = startTime, InitialStartTime = startTime, ErrorCode = new byte[32], HardwareProvider = new byte[32],
        };
        return Encoder.EncodeParametersFromTypeAttributes(typeof(MinipoolOutput), new MinipoolOutput { Minipool = record });
    }

    private static byte[] Word(ReadOnlySpan<byte> right)
    {
        var word = new byte[32];
        right.CopyTo(word.AsSpan(32 - right.Length));
        return word;
    }

    private static byte[] Word(ulong value)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return Word(bytes);
    }
}
