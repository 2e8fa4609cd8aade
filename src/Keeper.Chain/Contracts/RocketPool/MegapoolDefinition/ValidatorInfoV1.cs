using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary>
/// The <c>ValidatorInfo</c> struct of megapool delegate v1: 16 fields, ending <c>validatorIndex, exitBalance,
/// withdrawableEpoch, lockedSlot</c>.
/// </summary>
public sealed class ValidatorInfoV1 : IValidatorInfoFields
{
    /// <summary>Block timestamp of the last ETH assignment.</summary>
    [Parameter("uint32", "lastAssignmentTime", 1)]
    public uint LastAssignmentTime { get; set; }

    /// <summary>Requested value, in milliether.</summary>
    [Parameter("uint32", "lastRequestedValue", 2)]
    public uint LastRequestedValue { get; set; }

    /// <summary>Requested bond, in milliether.</summary>
    [Parameter("uint32", "lastRequestedBond", 3)]
    public uint LastRequestedBond { get; set; }

    /// <summary>Deposited value, in milliether.</summary>
    [Parameter("uint32", "depositValue", 4)]
    public uint DepositValue { get; set; }

    /// <summary>The validator staked.</summary>
    [Parameter("bool", "staked", 5)]
    public bool Staked { get; set; }

    /// <summary>The final balance was reported.</summary>
    [Parameter("bool", "exited", 6)]
    public bool Exited { get; set; }

    /// <summary>Waiting in the deposit queue.</summary>
    [Parameter("bool", "inQueue", 7)]
    public bool InQueue { get; set; }

    /// <summary>Assigned ETH and not yet staked.</summary>
    [Parameter("bool", "inPrestake", 8)]
    public bool InPrestake { get; set; }

    /// <summary>An express-queue ticket was used.</summary>
    [Parameter("bool", "expressUsed", 9)]
    public bool ExpressUsed { get; set; }

    /// <summary>The validator was dissolved.</summary>
    [Parameter("bool", "dissolved", 10)]
    public bool Dissolved { get; set; }

    /// <summary>An exit was reported.</summary>
    [Parameter("bool", "exiting", 11)]
    public bool Exiting { get; set; }

    /// <summary>An exit challenge locked it.</summary>
    [Parameter("bool", "locked", 12)]
    public bool Locked { get; set; }

    /// <summary>The beacon chain validator index.</summary>
    [Parameter("uint64", "validatorIndex", 13)]
    public ulong ValidatorIndex { get; set; }

    /// <summary>The final balance, in gwei.</summary>
    [Parameter("uint64", "exitBalance", 14)]
    public ulong ExitBalance { get; set; }

    /// <summary>The withdrawable epoch recorded on chain.</summary>
    [Parameter("uint64", "withdrawableEpoch", 15)]
    public ulong WithdrawableEpoch { get; set; }

    /// <summary>The slot of the last exit challenge.</summary>
    [Parameter("uint64", "lockedSlot", 16)]
    public ulong LockedSlot { get; set; }
}
