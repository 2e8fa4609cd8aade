using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>
/// A megapool validator's on-chain record (<c>RocketMegapoolStorageLayout.ValidatorInfo</c>). Its state is the flags;
/// the declared status enum is unused on chain. Fields only one layout has are null in the other.
/// </summary>
/// <param name="LastAssignmentTime">Block timestamp of the last ETH assignment; the dissolve deadline counts from it.</param>
/// <param name="LastRequestedValue">Requested value, in milliether.</param>
/// <param name="LastRequestedBond">Requested bond, in milliether.</param>
/// <param name="DepositValue">Deposited value, in milliether.</param>
/// <param name="Staked">The validator staked.</param>
/// <param name="Exited">The validator's final balance was reported.</param>
/// <param name="InQueue">Waiting in the deposit queue.</param>
/// <param name="InPrestake">Assigned ETH and not yet staked: dissolvable once the deadline passes.</param>
/// <param name="ExpressUsed">An express-queue ticket was used.</param>
/// <param name="Dissolved">The validator was dissolved.</param>
/// <param name="Exiting">An exit was reported.</param>
/// <param name="Locked">An exit challenge locked it.</param>
/// <param name="ExitBalance">The final balance, in gwei.</param>
/// <param name="Layout">Which layout the contract returned.</param>
/// <param name="LockedTime">v2: timestamp of the last exit challenge.</param>
/// <param name="ValidatorIndex">v1: the beacon chain validator index.</param>
/// <param name="WithdrawableEpoch">v1: the withdrawable epoch recorded on chain.</param>
/// <param name="LockedSlot">v1: the slot of the last exit challenge.</param>
public sealed record ValidatorInfo(
    uint LastAssignmentTime,
    uint LastRequestedValue,
    uint LastRequestedBond,
    uint DepositValue,
    bool Staked,
    bool Exited,
    bool InQueue,
    bool InPrestake,
    bool ExpressUsed,
    bool Dissolved,
    bool Exiting,
    bool Locked,
    ulong ExitBalance,
    ValidatorInfoLayout Layout,
    ulong? LockedTime = null,
    ulong? ValidatorIndex = null,
    ulong? WithdrawableEpoch = null,
    ulong? LockedSlot = null)
{
    /// <summary>The ABI size of a layout's tuple (all its fields are static, so it is encoded in place).</summary>
    public static int EncodedSize(ValidatorInfoLayout layout) => layout == ValidatorInfoLayout.V1 ? 16 * 32 : 14 * 32;

    /// <summary>The record from the v2 struct.</summary>
    public static ValidatorInfo From(ValidatorInfoV2 v2) =>
        Common(v2, ValidatorInfoLayout.V2) with { ExitBalance = v2.ExitBalance, LockedTime = v2.LockedTime };

    /// <summary>The record from the v1 struct.</summary>
    public static ValidatorInfo From(ValidatorInfoV1 v1) =>
        Common(v1, ValidatorInfoLayout.V1) with { ValidatorIndex = v1.ValidatorIndex, ExitBalance = v1.ExitBalance, WithdrawableEpoch = v1.WithdrawableEpoch, LockedSlot = v1.LockedSlot };

    private static ValidatorInfo Common(IValidatorInfoFields f, ValidatorInfoLayout layout) =>
        new(f.LastAssignmentTime, f.LastRequestedValue, f.LastRequestedBond, f.DepositValue,
            f.Staked, f.Exited, f.InQueue, f.InPrestake, f.ExpressUsed, f.Dissolved, f.Exiting, f.Locked,
            ExitBalance: 0, layout);
}
