using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Nethereum.Contracts;
using ContractCall = Keeper.Chain.Contracts.RocketPool.ContractCall;

namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>GoGoPool's RewardsPool: the GGP rewards cycle and <c>startRewardsCycle()</c>, the protocol's one permissionless call.</summary>
public sealed class RewardsPool(BatchCaller batch, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>The selector of <c>startRewardsCycle()</c>, for allow-lists of (contract, selector) pairs.</summary>
    public static byte[] StartRewardsCycleSelector => ContractAbi.Selector<StartRewardsCycleFunction>();

    /// <summary>The call that starts the next rewards cycle on the RewardsPool at <paramref name="rewardsPool"/>.</summary>
    public static ContractCall StartRewardsCycle(Address rewardsPool) =>
        new(rewardsPool, new StartRewardsCycleFunction().GetCallData(), $"startRewardsCycle() on RewardsPool {rewardsPool}");

    /// <summary>True when <paramref name="revertData"/> is <c>UnableToStartRewardsCycle()</c>: someone started the cycle first, or it is too early.</summary>
    public static bool IsUnableToStart(byte[] revertData) => ContractAbi.TryDecodeError<UnableToStartRewardsCycleError>(revertData, out _);

    /// <summary>Reads the cycle's start, count, inflation start and <c>canStartRewardsCycle()</c> in one batch.</summary>
    public async Task<RewardsCycle> ReadCycleAsync(BlockTag block, CancellationToken cancellationToken)
    {
        CallRequest[] calls =
        [
            ContractAbi.Call<GetRewardsCycleStartTimeFunction>(Address),
            ContractAbi.Call<GetRewardsCycleCountFunction>(Address),
            ContractAbi.Call<GetInflationIntervalStartTimeFunction>(Address),
            ContractAbi.Call<CanStartRewardsCycleFunction>(Address),
        ];
        var results = await batch.CallAsync(calls, block, cancellationToken);
        return new RewardsCycle(
            Decode<GetRewardsCycleStartTimeFunction, ulong>(results, 0),
            Decode<GetRewardsCycleCountFunction, ulong>(results, 1),
            Decode<GetInflationIntervalStartTimeFunction, ulong>(results, 2),
            Decode<CanStartRewardsCycleFunction, bool>(results, 3));
    }

    private static T Decode<TFunction, T>(IReadOnlyList<CallResult> results, int i)
        where TFunction : FunctionMessage =>
        ContractAbi.DecodeReturn<TFunction, T>(results[i].GetReturnDataOrThrow(i));
}
