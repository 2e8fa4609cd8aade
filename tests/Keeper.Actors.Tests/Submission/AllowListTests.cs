using Keeper.Actors.Submission;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Primitives;
using Nethereum.Contracts;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

public sealed class AllowListTests
{
    private static readonly Address Manager = Address.Parse("0x00000000000000000000000000000000000000a0");
    private static readonly Address MegapoolA = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address MinipoolB = Address.Parse("0x00000000000000000000000000000000000000b1");
    private static readonly Address Stranger = Address.Parse("0x00000000000000000000000000000000000000c1");

    // The manager's three proof calls, encoded by their typed DTOs (the proofs' contents do not matter to the list).
    private static byte[] NotifyExit => new NotifyExitFunction { Megapool = MegapoolA.ToLowerHex(), ValidatorProof = new(), SlotProof = new() }.GetCallData();

    private static byte[] DissolveWithProof => new DissolveWithProofFunction { Megapool = MegapoolA.ToLowerHex(), ValidatorProof = new(), SlotProof = new() }.GetCallData();

    private static byte[] NotifyFinalBalance =>
        new NotifyFinalBalanceFunction { Megapool = MegapoolA.ToLowerHex(), WithdrawalProof = new(), ValidatorProof = new(), SlotProof = new() }.GetCallData();

    private static AllowList Tracked()
    {
        var list = new AllowList(Manager);
        list.AddMegapools([MegapoolA]);
        list.AddMinipools([MinipoolB]);
        return list;
    }

    [Fact]
    public void Refusal_TheAllowedPairs_Null()
    {
        var list = Tracked();

        Assert.Null(list.Refusal(MegapoolA, Megapool.DissolveValidator(MegapoolA, 3).Data));
        Assert.Null(list.Refusal(MinipoolB, Minipool.Dissolve(MinipoolB).Data));
        Assert.Null(list.Refusal(Manager, NotifyExit));
        Assert.Null(list.Refusal(Manager, DissolveWithProof));
        Assert.Null(list.Refusal(Manager, NotifyFinalBalance));
    }

    [Fact]
    public void Refusal_AllowedFunctionOnTheWrongKindOfContract_Refused()
    {
        var list = Tracked();

        Assert.NotNull(list.Refusal(MegapoolA, Minipool.Dissolve(MegapoolA).Data));
        Assert.NotNull(list.Refusal(MegapoolA, NotifyExit));
        Assert.NotNull(list.Refusal(MinipoolB, Megapool.DissolveValidator(MinipoolB, 1).Data));
        Assert.NotNull(list.Refusal(MinipoolB, NotifyFinalBalance));
        Assert.NotNull(list.Refusal(Manager, Megapool.DissolveValidator(Manager, 1).Data));
        Assert.NotNull(list.Refusal(Manager, Minipool.Dissolve(Manager).Data));
    }

    [Fact]
    public void Refusal_ContractNotTracked_NamesItAndTheManager()
    {
        var why = Tracked().Refusal(Stranger, Megapool.DissolveValidator(Stranger, 1).Data);

        Assert.NotNull(why);
        Assert.Contains(Stranger.ToString(), why, StringComparison.Ordinal);
        Assert.Contains(Manager.ToString(), why, StringComparison.Ordinal);
        Assert.Contains(Hex.Encode(Megapool.DissolveValidatorSelector), why, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_UnknownSelectorOnATrackedPool_NamesWhatIsAllowedThere()
    {
        var why = Tracked().Refusal(MegapoolA, Hex.Decode("0xdeadbeef00"));

        Assert.NotNull(why);
        Assert.Contains("0xdeadbeef", why, StringComparison.Ordinal);
        Assert.Contains("dissolveValidator", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_NoSelector_Refused()
    {
        Assert.Contains("no function selector", Tracked().Refusal(MegapoolA, [0x01, 0x02]), StringComparison.Ordinal);
        Assert.NotNull(Tracked().Refusal(Manager, []));
    }

    [Fact]
    public void UseMegapoolManager_Upgrade_MovesTheProofCallsToTheNewAddress()
    {
        var list = Tracked();
        var upgraded = Address.Parse("0x00000000000000000000000000000000000000a9");

        list.UseMegapoolManager(upgraded);

        Assert.Equal(upgraded, list.MegapoolManager);
        Assert.Null(list.Refusal(upgraded, NotifyExit));
        Assert.NotNull(list.Refusal(Manager, NotifyExit));
    }

    [Fact]
    public void AddMegapools_WhileReadersCheck_EveryPoolAddedIsAllowedAndNoneLost()
    {
        var list = new AllowList(Manager);
        var pools = Enumerable.Range(0x1000, 2000).Select(i => Address.Parse("0x" + i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        Parallel.Invoke(
            () => Parallel.ForEach(pools, p => list.AddMegapools([p])),
            () =>
            {
                foreach (var p in pools)
                {
                    _ = list.Refusal(p, Megapool.DissolveValidator(p, 1).Data);
                }
            });

        Assert.Equal(pools.Length, list.Megapools);
        Assert.All(pools, p => Assert.Null(list.Refusal(p, Megapool.DissolveValidator(p, 1).Data)));
    }
}
