using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Primitives;
using Keeper.Integration.Tests.RocketPool.Proofs;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>
/// The manager's notifyFinalBalance proves a withdrawal (recent through block_roots, older through historical_summaries)
/// and lets anyone but the operator report only getUserDistributeDelay() epochs after it, counted to the proof's epoch, or
/// getUserDistributeDelayWithShortfall() epochs when the withdrawal leaves the users' capital short.
/// </summary>
public sealed class HarnessFinalBalanceTests : ProofHarnessTestBase
{
    private const ulong WithdrawableEpoch = (ElectraSlot / SlotsPerEpoch) + 2_000;
    private const ulong WithdrawalSlot = (WithdrawableEpoch * SlotsPerEpoch) + 70;
    private const ulong WithdrawalEpoch = WithdrawalSlot / SlotsPerEpoch;
    private const ulong UserDistributeDelay = 1575;
    private const ulong ValidatorIndex = 765_432;
    private const ulong AmountInGwei = 32_012_345_678;
    private const ulong UserDistributeDelayWithShortfall = 6750;

    // Far below the deposit, by more than the validator's bond: the users' capital falls short.
    private const ulong ShortAmountInGwei = 20_000_000_000;

    [Fact]
    public async Task NotifyFinalBalance_NonOwnerOneEpochBeforeDelay_RevertsNotEnoughTimeHasPassed()
    {
        var (megapool, id, pubkey) = await ExitingValidatorAsync();
        var call = await FinalBalanceCallAsync(megapool, id, pubkey, ((WithdrawalEpoch + UserDistributeDelay) * SlotsPerEpoch) - 1);

        await AssertRevertsAsync(call, Caller, "Not enough time has passed");

        Assert.True((await InfoAsync(megapool, id)).Exiting);
    }

    [Fact]
    public async Task NotifyFinalBalance_NonOwnerAtDelay_ExitedWithTheProvenAmount()
    {
        var (megapool, id, pubkey) = await ExitingValidatorAsync();
        // 1575 epochs is far more than 8192 slots: the withdrawal's block is proven through historical_summaries.
        var call = await FinalBalanceCallAsync(megapool, id, pubkey, (WithdrawalEpoch + UserDistributeDelay) * SlotsPerEpoch);

        var receipt = await SubmitAsync(call, Caller);

        Assert.True(receipt.Succeeded);
        var info = await InfoAsync(megapool, id);
        Assert.True(info.Exited);
        Assert.False(info.Exiting);
        Assert.Equal(AmountInGwei, info.ExitBalance);
    }

    [Fact]
    public async Task NotifyFinalBalance_NonOwnerShortfallAfterTheNormalDelay_RevertsUntilTheShortfallDelay()
    {
        var (megapool, id, pubkey) = await ExitingValidatorAsync();
        var atDelay = await FinalBalanceCallAsync(megapool, id, pubkey, (WithdrawalEpoch + UserDistributeDelay) * SlotsPerEpoch, ShortAmountInGwei);
        await AssertRevertsAsync(atDelay, Caller, "Not enough time has passed");
        var beforeShortfallDelay = await FinalBalanceCallAsync(megapool, id, pubkey, ((WithdrawalEpoch + UserDistributeDelayWithShortfall) * SlotsPerEpoch) - 1, ShortAmountInGwei);
        await AssertRevertsAsync(beforeShortfallDelay, Caller, "Not enough time has passed");

        var receipt = await SubmitAsync(await FinalBalanceCallAsync(megapool, id, pubkey, (WithdrawalEpoch + UserDistributeDelayWithShortfall) * SlotsPerEpoch, ShortAmountInGwei), Caller);

        Assert.True(receipt.Succeeded);
        Assert.Equal(ShortAmountInGwei, (await InfoAsync(megapool, id)).ExitBalance);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8192)]
    [InlineData(8193)]
    public async Task NotifyFinalBalance_OwnerBeforeDelay_Exited(ulong slotsAfterWithdrawal)
    {
        var (megapool, id, pubkey) = await ExitingValidatorAsync();
        var call = await FinalBalanceCallAsync(megapool, id, pubkey, WithdrawalSlot + slotsAfterWithdrawal);

        var receipt = await SubmitAsync(call, Operator);

        Assert.True(receipt.Succeeded);
        Assert.Equal(AmountInGwei, (await InfoAsync(megapool, id)).ExitBalance);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8193)]
    public async Task NotifyFinalBalance_OneWithdrawalWitnessFlipped_RevertsInvalidWithdrawalProof(ulong slotsAfterWithdrawal)
    {
        var (megapool, id, pubkey) = await ExitingValidatorAsync();
        var (slotTimestamp, withdrawal, validator, slot) = await ProveFinalBalanceAsync(megapool, pubkey, WithdrawalSlot + slotsAfterWithdrawal, ValidatorIndex);
        withdrawal.Witnesses[^1][5] ^= 0x10;

        await AssertRevertsAsync(MegapoolManager.NotifyFinalBalance(Manager, megapool, id, slotTimestamp, withdrawal, validator, slot), Operator, "Invalid withdrawal proof");

        Assert.Equal(slotsAfterWithdrawal > 8192 ? 65 : 39, withdrawal.Witnesses.Count);
    }

    [Fact]
    public async Task NotifyFinalBalance_WithdrawalOfAnotherValidator_RevertsWithdrawalValidatorNotMatching()
    {
        var (megapool, id, pubkey) = await ExitingValidatorAsync();
        var (slotTimestamp, withdrawal, validator, slot) = await ProveFinalBalanceAsync(megapool, pubkey, WithdrawalSlot + 10, ValidatorIndex + 1);

        await AssertRevertsAsync(MegapoolManager.NotifyFinalBalance(Manager, megapool, id, slotTimestamp, withdrawal, validator, slot), Operator, "Withdrawal validator not matching");
    }

    [Fact]
    public async Task NotifyFinalBalance_WithdrawalBeforeWithdrawableEpoch_RevertsNotFullWithdrawal()
    {
        var (megapool, id, pubkey) = await ExitingValidatorAsync();
        var (slotTimestamp, withdrawal, validator, slot) = await ProveFinalBalanceAsync(megapool, pubkey, WithdrawalSlot + 10, ValidatorIndex, (WithdrawableEpoch * SlotsPerEpoch) - 1);

        await AssertRevertsAsync(MegapoolManager.NotifyFinalBalance(Manager, megapool, id, slotTimestamp, withdrawal, validator, slot), Operator, "Not full withdrawal");
    }

    [Fact]
    public async Task MegapoolNotifyFinalBalance_CalledByAnyoneButTheManager_Reverts()
    {
        var (megapool, id, _) = await ExitingValidatorAsync();
        var direct = new ContractCall(
            megapool,
            Keeper.Host.Devnet.CompiledContracts.Get("MegapoolHarness").EncodeCall("notifyFinalBalance", id, AmountInGwei, Operator.Address, WithdrawalEpoch, WithdrawalEpoch + UserDistributeDelay),
            "unproven notifyFinalBalance");

        await AssertRevertsAsync(direct, Operator, "Invalid or outdated contract");
    }

    // A staked validator reported exiting (on time) through the manager, with its proof at an earlier state.
    private async Task<(Address Megapool, uint Id, byte[] Pubkey)> ExitingValidatorAsync()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync((WithdrawableEpoch - 500) * SlotsPerEpoch, ValidatorIndex, Exiting(megapool, pubkey, WithdrawableEpoch), seed: 7);
        var receipt = await SubmitAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller);
        Assert.True(receipt.Succeeded, "notifyExit before the final balance reverted");
        return (megapool, id, pubkey);
    }

    private async Task<ContractCall> FinalBalanceCallAsync(Address megapool, uint id, byte[] pubkey, ulong slot, ulong amountInGwei = AmountInGwei)
    {
        var (slotTimestamp, withdrawal, validator, slotProof) = await ProveFinalBalanceAsync(megapool, pubkey, slot, ValidatorIndex, amountInGwei: amountInGwei);
        return MegapoolManager.NotifyFinalBalance(Manager, megapool, id, slotTimestamp, withdrawal, validator, slotProof);
    }

    private async Task<(ulong SlotTimestamp, WithdrawalProofStruct Withdrawal, ValidatorProofStruct Validator, SlotProofStruct Slot)> ProveFinalBalanceAsync(
        Address megapool, byte[] pubkey, ulong slot, ulong withdrawnValidatorIndex, ulong withdrawalSlot = WithdrawalSlot, ulong amountInGwei = AmountInGwei)
    {
        var validator = Exiting(megapool, pubkey, WithdrawableEpoch);
        validator.EffectiveBalance = 0;
        var withdrawal = new WithdrawalStruct
        {
            Index = 9_876_543, ValidatorIndex = withdrawnValidatorIndex, WithdrawalCredentials = megapool.ToArray(), AmountInGwei = amountInGwei,
        };
        var state = new ProvenBeaconState(11, slot, GenesisWitness, CapellaSlot);
        state.SetValidator(ValidatorIndex, validator);
        state.SetWithdrawal(withdrawalSlot, 3, withdrawal);
        var slotTimestamp = await PublishAsync(state);
        return (slotTimestamp, state.ProveWithdrawal(withdrawalSlot, 3, withdrawal), state.ProveValidator(ValidatorIndex, validator), state.ProveSlot());
    }
}
