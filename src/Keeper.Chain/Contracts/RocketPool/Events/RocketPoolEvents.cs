using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool.Events;

/// <summary>The Rocket Pool events the keeper follows, their topics, and typed decoding.</summary>
public static class RocketPoolEvents
{
    private static readonly Dictionary<Hash32, Func<LogEntry, RocketPoolLog>> Decoders = [];
    private static readonly Dictionary<MegapoolValidatorEventKind, AbiEvent> ValidatorEvents = [];

    static RocketPoolEvents()
    {
        foreach (var kind in Enum.GetValues<MegapoolValidatorEventKind>())
        {
            var idType = kind == MegapoolValidatorEventKind.Exited ? "uint32" : "uint256";
            var abi = AbiEvent.Parse($"event MegapoolValidator{kind}({idType} indexed validatorId, uint256 time)");
            ValidatorEvents[kind] = abi;
            Register(abi, log =>
            {
                var e = abi.Decode(log);
                return new MegapoolValidatorLog(log, kind, e.Get<uint>("validatorId"), e.Get<ulong>("time"));
            });
        }

        Register(MegapoolDebtIncreased, log =>
        {
            var e = MegapoolDebtIncreased.Decode(log);
            return new MegapoolDebtIncreasedLog(log, e.Get<BigInteger>("amount"), e.Get<ulong>("time"));
        });
        Register(FundsRequested, log =>
        {
            var e = FundsRequested.Decode(log);
            return new FundsRequestedLog(log, e.Get<Address>("receiver"), e.Get<uint>("validatorId"), e.Get<BigInteger>("amount"), e.Get<bool>("expressQueue"), e.Get<ulong>("time"));
        });
        Register(FundsAssigned, log =>
        {
            var e = FundsAssigned.Decode(log);
            return new FundsAssignedLog(log, e.Get<Address>("receiver"), e.Get<BigInteger>("amount"), e.Get<ulong>("time"));
        });
        Register(MinipoolCreated, log => DecodeMinipoolLifecycle(MinipoolCreated, log, destroyed: false));
        Register(MinipoolDestroyed, log => DecodeMinipoolLifecycle(MinipoolDestroyed, log, destroyed: true));
        Register(StatusUpdated, log =>
        {
            var e = StatusUpdated.Decode(log);
            var status = e.Get<byte>("status");
            return status <= (byte)MinipoolStatus.Dissolved
                ? new MinipoolStatusUpdatedLog(log, (MinipoolStatus)status, e.Get<ulong>("time"))
                : throw new AbiDecodingException($"StatusUpdated carries unknown minipool status {status}.", 0);
        });
        Register(ProposalExecuted, log =>
        {
            var e = ProposalExecuted.Decode(log);
            return new ProposalExecutedLog(log, e.Get<ulong>("proposalID"), e.Get<ulong>("time"));
        });
    }

    /// <summary>The megapool validator events by kind.</summary>
    public static IReadOnlyDictionary<MegapoolValidatorEventKind, AbiEvent> MegapoolValidatorEvents => ValidatorEvents;

    /// <summary><c>MegapoolDebtIncreased(uint256 amount, uint256 time)</c>.</summary>
    public static AbiEvent MegapoolDebtIncreased { get; } = AbiEvent.Parse("event MegapoolDebtIncreased(uint256 amount, uint256 time)");

    /// <summary><c>FundsRequested(address indexed receiver, uint256 validatorId, uint256 amount, bool expressQueue, uint256 time)</c>.</summary>
    public static AbiEvent FundsRequested { get; } = AbiEvent.Parse("event FundsRequested(address indexed receiver, uint256 validatorId, uint256 amount, bool expressQueue, uint256 time)");

    /// <summary><c>FundsAssigned(address indexed receiver, uint256 amount, uint256 time)</c>.</summary>
    public static AbiEvent FundsAssigned { get; } = AbiEvent.Parse("event FundsAssigned(address indexed receiver, uint256 amount, uint256 time)");

    /// <summary><c>MinipoolCreated(address indexed minipool, address indexed node, uint256 time)</c>.</summary>
    public static AbiEvent MinipoolCreated { get; } = AbiEvent.Parse("event MinipoolCreated(address indexed minipool, address indexed node, uint256 time)");

    /// <summary><c>MinipoolDestroyed(address indexed minipool, address indexed node, uint256 time)</c>.</summary>
    public static AbiEvent MinipoolDestroyed { get; } = AbiEvent.Parse("event MinipoolDestroyed(address indexed minipool, address indexed node, uint256 time)");

    /// <summary><c>StatusUpdated(uint8 indexed status, uint256 time)</c>.</summary>
    public static AbiEvent StatusUpdated { get; } = AbiEvent.Parse("event StatusUpdated(uint8 indexed status, uint256 time)");

    /// <summary>
    /// <c>ProposalExecuted(uint256 indexed proposalID, address indexed executor, uint256 time)</c>, the same in
    /// rocketDAOProtocolProposal and rocketDAOProposal.
    /// </summary>
    public static AbiEvent ProposalExecuted { get; } = AbiEvent.Parse("event ProposalExecuted(uint256 indexed proposalID, address indexed executor, uint256 time)");

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
        catch (Exception ex) when (ex is AbiException or OverflowException or InvalidCastException)
        {
            return null;
        }
    }

    private static MinipoolCreatedLog DecodeMinipoolLifecycle(AbiEvent abi, LogEntry log, bool destroyed)
    {
        var e = abi.Decode(log);
        return new MinipoolCreatedLog(log, e.Get<Address>("minipool"), e.Get<Address>("node"), e.Get<ulong>("time"), destroyed);
    }

    private static void Register(AbiEvent abi, Func<LogEntry, RocketPoolLog> decode) => Decoders[abi.Topic0] = decode;
}
