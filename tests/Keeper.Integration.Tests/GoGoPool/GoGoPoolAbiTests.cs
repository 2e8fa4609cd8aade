using Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;
using Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition;
using Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;
using Keeper.Chain.Contracts.RocketPool.RocketStorageDefinition;
using Keeper.Host.Devnet;
using Nethereum.ABI;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Xunit;

namespace Keeper.Integration.Tests.GoGoPool;

/// <summary>Every GoGoPool DTO matches the compiled harness: same signature (so the same selector or topic) and the same return types.</summary>
public sealed class GoGoPoolAbiTests
{
    public static TheoryData<string, Type> Functions => new()
    {
        { "GoGoStorageHarness", typeof(GetAddressFunction) },
        { "GoGoMinipoolManagerHarness", typeof(GetMinipoolCountFunction) },
        { "GoGoMinipoolManagerHarness", typeof(GetIndexOfFunction) },
        { "GoGoMinipoolManagerHarness", typeof(GetMinipoolFunction) },
        { "GoGoMinipoolManagerHarness", typeof(GetMinipoolByNodeIdFunction) },
        { "GoGoMinipoolManagerHarness", typeof(GetMinipoolsFunction) },
        { "GoGoMinipoolManagerHarness", typeof(WithdrawMinipoolFundsFunction) },
        { "GoGoRewardsPoolHarness", typeof(CanStartRewardsCycleFunction) },
        { "GoGoRewardsPoolHarness", typeof(StartRewardsCycleFunction) },
        { "GoGoRewardsPoolHarness", typeof(GetRewardsCycleStartTimeFunction) },
        { "GoGoRewardsPoolHarness", typeof(GetRewardsCycleCountFunction) },
        { "GoGoRewardsPoolHarness", typeof(GetInflationIntervalStartTimeFunction) },
        { "GoGoProtocolDAOHarness", typeof(GetRewardsCycleSecondsFunction) },
        { "GoGoProtocolDAOHarness", typeof(GetInflationIntervalSecondsFunction) },
        { "GoGoProtocolDAOHarness", typeof(GetMinipoolCycleDurationFunction) },
        { "GoGoProtocolDAOHarness", typeof(GetMinipoolCycleDelayToleranceFunction) },
        { "GoGoProtocolDAOHarness", typeof(GetMinipoolMaxDurationFunction) },
        { "GoGoProtocolDAOHarness", typeof(GetMinipoolCancelMoratoriumSecondsFunction) },
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionDto_MatchesTheCompiledHarness(string contract, Type dto)
    {
        var expected = (FunctionABI)typeof(ABITypedRegistry).GetMethod(nameof(ABITypedRegistry.GetFunctionABI), Type.EmptyTypes)!.MakeGenericMethod(dto).Invoke(null, null)!;

        var compiled = CompiledContracts.Get(contract).Function(expected.Name);

        Assert.Equal(compiled.Signature, expected.Signature);
        Assert.Equal(Canonical(compiled.OutputParameters), Canonical(expected.OutputParameters));
    }

    [Fact]
    public void EventDtos_MatchTheCompiledHarness()
    {
        Assert.Equal(CompiledContracts.Get("GoGoMinipoolManagerHarness").Event("MinipoolStatusChanged").Signature, ABITypedRegistry.GetEvent<MinipoolStatusChangedEvent>().Signature);
        Assert.Equal(
            CompiledContracts.Get("GoGoMinipoolManagerHarness").Event("MinipoolStatusChanged").InputParameters.Select(p => p.Indexed),
            ABITypedRegistry.GetEvent<MinipoolStatusChangedEvent>().InputParameters.Select(p => p.Indexed));
        Assert.Equal(CompiledContracts.Get("GoGoRewardsPoolHarness").Event("NewRewardsCycleStarted").Signature, ABITypedRegistry.GetEvent<NewRewardsCycleStartedEvent>().Signature);
    }

    // The ABI type of each output with tuples spelled out component by component (Nethereum names them all "tuple").
    private static string Canonical(Parameter[]? parameters) =>
        string.Join(",", (parameters ?? []).OrderBy(p => p.Order).Select(p => Spell(p.ABIType)));

    private static string Spell(ABIType type) => type switch
    {
        TupleType tuple => $"({Canonical(tuple.Components)})",
        ArrayType array => $"{Spell(array.ElementType)}[]",
        _ => type.CanonicalName,
    };
}
