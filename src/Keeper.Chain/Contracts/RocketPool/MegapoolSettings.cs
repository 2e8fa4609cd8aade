using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>rocketDAOProtocolSettingsMegapool: the deadlines and penalties, read from the chain, never assumed.</summary>
public sealed class MegapoolSettings(BatchCaller batch, Address address)
{
    /// <summary><c>getTimeBeforeDissolve()</c>, seconds.</summary>
    public static AbiFunction GetTimeBeforeDissolveFunction { get; } = AbiFunction.Parse("function getTimeBeforeDissolve() view returns (uint256)");

    /// <summary><c>getNotifyThreshold()</c>, epochs.</summary>
    public static AbiFunction GetNotifyThresholdFunction { get; } = AbiFunction.Parse("function getNotifyThreshold() view returns (uint256)");

    /// <summary><c>getLateNotifyFine()</c>, wei.</summary>
    public static AbiFunction GetLateNotifyFineFunction { get; } = AbiFunction.Parse("function getLateNotifyFine() view returns (uint256)");

    /// <summary><c>getDissolvePenalty()</c>, wei.</summary>
    public static AbiFunction GetDissolvePenaltyFunction { get; } = AbiFunction.Parse("function getDissolvePenalty() view returns (uint256)");

    /// <summary>
    /// <c>getDissolveCallerReward()</c>, wei: the caller reward the original megapool design proposes. The live contracts
    /// have no such function (the call reverts without data), which reads as a reward of zero.
    /// </summary>
    public static AbiFunction GetDissolveCallerRewardFunction { get; } = AbiFunction.Parse("function getDissolveCallerReward() view returns (uint256)");

    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>Reads every setting in one batch.</summary>
    public async Task<MegapoolSettingsValues> ReadAsync(BlockTag block, CancellationToken cancellationToken)
    {
        AbiFunction[] functions = [GetTimeBeforeDissolveFunction, GetNotifyThresholdFunction, GetLateNotifyFineFunction, GetDissolvePenaltyFunction, GetDissolveCallerRewardFunction];
        var results = await batch.CallAsync(functions.Select(f => new CallRequest(Address, f.EncodeCall())).ToArray(), block, cancellationToken);
        BigInteger Value(int i) => (BigInteger)functions[i].DecodeOutput(results[i].GetReturnDataOrThrow(i))[0]!;

        var reward = results[4] is { Success: false, ReturnData.Length: 0 } ? BigInteger.Zero : Value(4);
        return new MegapoolSettingsValues(ToUInt64(Value(0), "getTimeBeforeDissolve"), ToUInt64(Value(1), "getNotifyThreshold"), Value(2), Value(3), reward);
    }

    private static ulong ToUInt64(BigInteger value, string getter) =>
        value <= ulong.MaxValue ? (ulong)value : throw new RocketPoolBindingException($"{getter}() returned {value}, which is not a plausible setting.");
}
