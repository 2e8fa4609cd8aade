using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;
using Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Tests.Watching.GoGoPool;

/// <summary>
/// What a <see cref="FakeGoGoChain"/> block holds: the registry, the minipools, the rewards cycle, and the logs the block
/// emitted. Changes made while a block is mined also emit the events the protocol would.
/// </summary>
internal sealed class FakeGoGoState
{
    public Dictionary<string, Address> Registry { get; private init; } = new(StringComparer.Ordinal);

    public List<(Address NodeId, byte Status, ulong StartTime)> Minipools { get; private init; } = [];

    public ulong CycleCount { get; set; }

    public ulong CycleStartTime { get; set; }

    public List<(Address Emitter, Hash32[] Topics, byte[] Data)> Logs { get; } = [];

    /// <summary>The block's timestamp, set by the chain before a change runs.</summary>
    public ulong Time { get; set; }

    /// <summary>The state of the next block: the same, with no logs yet.</summary>
    public FakeGoGoState Next() => new()
    {
        Registry = new(Registry, StringComparer.Ordinal),
        Minipools = [.. Minipools],
        CycleCount = CycleCount,
        CycleStartTime = CycleStartTime,
    };

    /// <summary>Creates or moves a minipool, as the orchestrator's calls do, and emits <c>MinipoolStatusChanged</c>.</summary>
    public void SetStatus(Address nodeId, GoGoMinipoolStatus status)
    {
        SetRecord(nodeId, (byte)status);
        EmitStatusLog(Registry[GoGoPoolContractNames.MinipoolManager], nodeId, (byte)status);
    }

    /// <summary>Writes a record's status without an event (any byte, to play a foreign contract).</summary>
    public void SetRecord(Address nodeId, byte status)
    {
        var index = Minipools.FindIndex(m => m.NodeId == nodeId);
        var record = (nodeId, status, status == (byte)GoGoMinipoolStatus.Staking ? Time : index >= 0 ? Minipools[index].StartTime : 0);
        if (index >= 0)
        {
            Minipools[index] = record;
        }
        else
        {
            Minipools.Add(record);
        }
    }

    public void EmitStatusLog(Address emitter, Address nodeId, byte status) =>
        Logs.Add((emitter, [ContractAbi.Topic<MinipoolStatusChangedEvent>(), Word(nodeId.Bytes), Word(status)], []));

    /// <summary>Starts the next rewards cycle now and emits <c>NewRewardsCycleStarted</c> from the registered RewardsPool.</summary>
    public void StartCycle()
    {
        CycleCount++;
        CycleStartTime = Time;
        Logs.Add((Registry[GoGoPoolContractNames.RewardsPool], [ContractAbi.Topic<NewRewardsCycleStartedEvent>()], Word(1_000UL).ToArray()));
    }

    private static Hash32 Word(ReadOnlySpan<byte> right)
    {
        var word = new byte[32];
        right.CopyTo(word.AsSpan(32 - right.Length));
        return new Hash32(word);
    }

    private static Hash32 Word(ulong value)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return Word(bytes);
    }
}
