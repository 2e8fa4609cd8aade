using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>rocketDAOProtocolSettingsMegapool: the deadlines and penalties, read from the chain, never assumed.</summary>
public sealed class MegapoolSettings(BatchCaller batch, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>Reads every setting in one batch.</summary>
    public async Task<MegapoolSettingsValues> ReadAsync(BlockTag block, CancellationToken cancellationToken)
    {
        CallRequest[] calls =
        [
            ContractAbi.Call<GetTimeBeforeDissolveFunction>(Address),
            ContractAbi.Call<GetNotifyThresholdFunction>(Address),
            ContractAbi.Call<GetLateNotifyFineFunction>(Address),
            ContractAbi.Call<GetDissolvePenaltyFunction>(Address),
            ContractAbi.Call<GetDissolveCallerRewardFunction>(Address),
            ContractAbi.Call<GetUserDistributeDelayFunction>(Address),
            ContractAbi.Call<GetUserDistributeDelayWithShortfallFunction>(Address),
        ];
        var results = await batch.CallAsync(calls, block, cancellationToken);

        // The live contracts have no getDissolveCallerReward(): the call reverts without data, which reads as no reward.
        var reward = results[4] is { Success: false, ReturnData.Length: 0 }
            ? BigInteger.Zero
            : ContractAbi.DecodeReturn<GetDissolveCallerRewardFunction, BigInteger>(results[4].GetReturnDataOrThrow(4));
        return new MegapoolSettingsValues(
            ToUInt64(ContractAbi.DecodeReturn<GetTimeBeforeDissolveFunction, BigInteger>(results[0].GetReturnDataOrThrow(0)), "getTimeBeforeDissolve"),
            ToUInt64(ContractAbi.DecodeReturn<GetNotifyThresholdFunction, BigInteger>(results[1].GetReturnDataOrThrow(1)), "getNotifyThreshold"),
            ContractAbi.DecodeReturn<GetLateNotifyFineFunction, BigInteger>(results[2].GetReturnDataOrThrow(2)),
            ContractAbi.DecodeReturn<GetDissolvePenaltyFunction, BigInteger>(results[3].GetReturnDataOrThrow(3)),
            reward,
            ToUInt64(ContractAbi.DecodeReturn<GetUserDistributeDelayFunction, BigInteger>(results[5].GetReturnDataOrThrow(5)), "getUserDistributeDelay"),
            ToUInt64(ContractAbi.DecodeReturn<GetUserDistributeDelayWithShortfallFunction, BigInteger>(results[6].GetReturnDataOrThrow(6)), "getUserDistributeDelayWithShortfall"));
    }

    /// <summary>A setting as a count of seconds or epochs.</summary>
    /// <exception cref="RocketPoolBindingException">The value does not fit; no real setting is that large.</exception>
    internal static ulong ToUInt64(BigInteger value, string getter) =>
        value <= ulong.MaxValue ? (ulong)value : throw new RocketPoolBindingException($"{getter}() returned {value}, which is not a plausible setting.");
}
