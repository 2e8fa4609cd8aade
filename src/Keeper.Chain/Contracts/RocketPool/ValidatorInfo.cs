using System.Numerics;
using Keeper.Chain.Abi;

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
    private const string Common = "uint32,uint32,uint32,uint32,bool,bool,bool,bool,bool,bool,bool,bool";

    /// <summary>The v2 tuple type.</summary>
    public static AbiType V2Type { get; } = AbiType.Parse($"({Common},uint64,uint64)");

    /// <summary>The v1 tuple type.</summary>
    public static AbiType V1Type { get; } = AbiType.Parse($"({Common},uint64,uint64,uint64,uint64)");

    /// <summary>The ABI size of a layout's tuple (all its fields are static, so it is encoded in place).</summary>
    public static int EncodedSize(ValidatorInfoLayout layout) => layout == ValidatorInfoLayout.V1 ? 16 * 32 : 14 * 32;

    /// <summary>Builds the record from a decoded tuple of either layout.</summary>
    /// <exception cref="RocketPoolBindingException">The tuple has neither layout's field count.</exception>
    public static ValidatorInfo FromTuple(object?[] t)
    {
        if (t.Length is not (14 or 16))
        {
            throw new RocketPoolBindingException($"ValidatorInfo should have 14 (v2) or 16 (v1) fields; the contract returned {t.Length}.");
        }

        var layout = t.Length == 16 ? ValidatorInfoLayout.V1 : ValidatorInfoLayout.V2;
        var info = new ValidatorInfo(
            U32(t[0]), U32(t[1]), U32(t[2]), U32(t[3]),
            (bool)t[4]!, (bool)t[5]!, (bool)t[6]!, (bool)t[7]!, (bool)t[8]!, (bool)t[9]!, (bool)t[10]!, (bool)t[11]!,
            ExitBalance: 0,
            layout);
        return layout == ValidatorInfoLayout.V2
            ? info with { ExitBalance = U64(t[12]), LockedTime = U64(t[13]) }
            : info with { ValidatorIndex = U64(t[12]), ExitBalance = U64(t[13]), WithdrawableEpoch = U64(t[14]), LockedSlot = U64(t[15]) };
    }

    private static uint U32(object? value) => (uint)(BigInteger)value!;

    private static ulong U64(object? value) => (ulong)(BigInteger)value!;
}
