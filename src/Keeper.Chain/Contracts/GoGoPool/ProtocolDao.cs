using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>GoGoPool's ProtocolDAO: the settings, read in one batch.</summary>
public sealed class ProtocolDao(BatchCaller batch, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>Reads every setting the keeper uses at <paramref name="block"/>.</summary>
    /// <exception cref="ContractDecodingException">An answer is not a uint256 that fits in 64 bits.</exception>
    public async Task<GoGoPoolSettings> ReadSettingsAsync(BlockTag block, CancellationToken cancellationToken)
    {
        CallRequest[] calls =
        [
            ContractAbi.Call<GetRewardsCycleSecondsFunction>(Address),
            ContractAbi.Call<GetInflationIntervalSecondsFunction>(Address),
            ContractAbi.Call<GetMinipoolCycleDurationFunction>(Address),
            ContractAbi.Call<GetMinipoolCycleDelayToleranceFunction>(Address),
            ContractAbi.Call<GetMinipoolMaxDurationFunction>(Address),
            ContractAbi.Call<GetMinipoolCancelMoratoriumSecondsFunction>(Address),
        ];
        var results = await batch.CallAsync(calls, block, cancellationToken);
        return new GoGoPoolSettings(
            Seconds<GetRewardsCycleSecondsFunction>(results, 0),
            Seconds<GetInflationIntervalSecondsFunction>(results, 1),
            Seconds<GetMinipoolCycleDurationFunction>(results, 2),
            Seconds<GetMinipoolCycleDelayToleranceFunction>(results, 3),
            Seconds<GetMinipoolMaxDurationFunction>(results, 4),
            Seconds<GetMinipoolCancelMoratoriumSecondsFunction>(results, 5));
    }

    private static ulong Seconds<TFunction>(IReadOnlyList<CallResult> results, int i)
        where TFunction : FunctionMessage =>
        ContractAbi.DecodeReturn<TFunction, ulong>(results[i].GetReturnDataOrThrow(i));
}
