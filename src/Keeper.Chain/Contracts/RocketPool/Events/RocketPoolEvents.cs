using Keeper.Chain.Contracts.RocketPool.DaoProposalDefinition;
using Keeper.Chain.Contracts.RocketPool.DepositPoolDefinition;
using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Keeper.Chain.Contracts.RocketPool.MinipoolDefinition;
using Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary>The Rocket Pool events the keeper follows, their topics, and typed decoding.</summary>
public static class RocketPoolEvents
{
    private static readonly Dictionary<Hash32, Func<LogEntry, RocketPoolLog>> Decoders = [];
    private static readonly Dictionary<MegapoolValidatorEventKind, EventABI> ValidatorEvents = [];

    static RocketPoolEvents()
    {
        RegisterValidatorEvent<MegapoolValidatorEnqueuedEvent>(MegapoolValidatorEventKind.Enqueued);
        RegisterValidatorEvent<MegapoolValidatorDequeuedEvent>(MegapoolValidatorEventKind.Dequeued);
        RegisterValidatorEvent<MegapoolValidatorAssignedEvent>(MegapoolValidatorEventKind.Assigned);
        RegisterValidatorEvent<MegapoolValidatorStakedEvent>(MegapoolValidatorEventKind.Staked);
        RegisterValidatorEvent<MegapoolValidatorDissolvedEvent>(MegapoolValidatorEventKind.Dissolved);
        RegisterValidatorEvent<MegapoolValidatorLockedEvent>(MegapoolValidatorEventKind.Locked);
        RegisterValidatorEvent<MegapoolValidatorUnlockedEvent>(MegapoolValidatorEventKind.Unlocked);
        RegisterValidatorEvent<MegapoolValidatorExitingEvent>(MegapoolValidatorEventKind.Exiting);
        RegisterValidatorEvent<MegapoolValidatorExitedEvent>(MegapoolValidatorEventKind.Exited);
        Register<MegapoolDebtIncreasedEvent>((log, e) => new MegapoolDebtIncreasedLog(log, e.Amount, e.Time));
        Register<FundsRequestedEvent>((log, e) => new FundsRequestedLog(log, Address.Parse(e.Receiver), e.ValidatorId, e.Amount, e.ExpressQueue, e.Time));
        Register<FundsAssignedEvent>((log, e) => new FundsAssignedLog(log, Address.Parse(e.Receiver), e.Amount, e.Time));
        Register<MinipoolCreatedEvent>((log, e) => Lifecycle(log, e, destroyed: false));
        Register<MinipoolDestroyedEvent>((log, e) => Lifecycle(log, e, destroyed: true));
        Register<StatusUpdatedEvent>((log, e) => e.Status <= (byte)MinipoolStatus.Dissolved
            ? new MinipoolStatusUpdatedLog(log, (MinipoolStatus)e.Status, e.Time)
            : throw new ContractDecodingException($"StatusUpdated from {log.Address}", log.Data, $"unknown minipool status {e.Status}"));
        Register<ProposalExecutedEvent>((log, e) => new ProposalExecutedLog(log, e.ProposalId, e.Time));
    }

    /// <summary>The megapool validator events by kind, as Nethereum reads them from their DTOs.</summary>
    public static IReadOnlyDictionary<MegapoolValidatorEventKind, EventABI> MegapoolValidatorEvents => ValidatorEvents;

    /// <summary>Every topic 0 this class decodes, for one <c>eth_getLogs</c> filter.</summary>
    public static IReadOnlyList<Hash32> AllTopics => [.. Decoders.Keys];

    /// <summary>
    /// Decodes a log whose topic 0 is a Rocket Pool event. Returns null for other logs, and for logs with a known topic
    /// whose body does not fit (a foreign contract reusing an event name); callers still check the emitter.
    /// </summary>
    public static RocketPoolLog? TryDecode(LogEntry log)
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

    private static MinipoolCreatedLog Lifecycle(LogEntry log, MinipoolLifecycleEvent e, bool destroyed) =>
        new(log, Address.Parse(e.Minipool), Address.Parse(e.Node), e.Time, destroyed);

    private static void RegisterValidatorEvent<TEvent>(MegapoolValidatorEventKind kind)
        where TEvent : IMegapoolValidatorEvent, new()
    {
        ValidatorEvents[kind] = ABITypedRegistry.GetEvent<TEvent>();
        Register<TEvent>((log, e) => new MegapoolValidatorLog(log, kind, e.ValidatorId, e.Time));
    }

    private static void Register<TEvent>(Func<LogEntry, TEvent, RocketPoolLog> create)
        where TEvent : IEventDTO, new() =>
        Decoders[ContractAbi.Topic<TEvent>()] = log => create(log, ContractAbi.DecodeEvent<TEvent>(log));
}
