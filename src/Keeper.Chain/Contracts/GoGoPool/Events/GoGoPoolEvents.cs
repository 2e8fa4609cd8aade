using Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;
using Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.GoGoPool.Events;

/// <summary>The GoGoPool events the keeper follows, their topics, and typed decoding.</summary>
public static class GoGoPoolEvents
{
    private static readonly Dictionary<Hash32, Func<LogEntry, GoGoPoolLog>> Decoders = [];

    static GoGoPoolEvents()
    {
        Register<MinipoolStatusChangedEvent>((log, e) => e.Status <= (byte)GoGoMinipoolStatus.Error
            ? new MinipoolStatusChangedLog(log, Address.Parse(e.NodeId), (GoGoMinipoolStatus)e.Status)
            : throw new ContractDecodingException($"MinipoolStatusChanged from {log.Address}", log.Data, $"unknown minipool status {e.Status}"));
        Register<NewRewardsCycleStartedEvent>((log, e) => new RewardsCycleStartedLog(log, e.TotalRewardsAmt));
    }

    /// <summary>Topic 0 of <c>MinipoolStatusChanged(address,uint8)</c>.</summary>
    public static Hash32 MinipoolStatusChangedTopic => ContractAbi.Topic<MinipoolStatusChangedEvent>();

    /// <summary>Topic 0 of <c>NewRewardsCycleStarted(uint256)</c>.</summary>
    public static Hash32 RewardsCycleStartedTopic => ContractAbi.Topic<NewRewardsCycleStartedEvent>();

    /// <summary>Every topic 0 this class decodes, for one <c>eth_getLogs</c> filter.</summary>
    public static IReadOnlyList<Hash32> AllTopics => [.. Decoders.Keys];

    /// <summary>
    /// Decodes a log whose topic 0 is a GoGoPool event. Returns null for other logs, and for logs with a known topic whose
    /// body does not fit (a foreign contract reusing an event name); callers still check the emitter.
    /// </summary>
    public static GoGoPoolLog? TryDecode(LogEntry log)
    {
        if (log.Topics.Count == 0 || !Decoders.TryGetValue(log.Topics[0], out var decode))
        {
            return null;
        }

        try
        {
            return decode(log);
        }
        catch (ContractDecodingException)
        {
            return null;
        }
    }

    private static void Register<TEvent>(Func<LogEntry, TEvent, GoGoPoolLog> create)
        where TEvent : IEventDTO, new() =>
        Decoders[ContractAbi.Topic<TEvent>()] = log => create(log, ContractAbi.DecodeEvent<TEvent>(log));
}
