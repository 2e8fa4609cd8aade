using System.Numerics;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;
using Keeper.Integration.Tests.RocketPool.Proofs;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>The manager's notifyExit checks its beacon proofs as Rocket Pool's verifier does, and applies the late fine by the proof's epoch.</summary>
public sealed class HarnessNotifyExitTests : ProofHarnessTestBase
{
    private const ulong WithdrawableEpoch = (ElectraSlot / SlotsPerEpoch) + 5_000;
    private const ulong NotifyThreshold = 112;
    private static readonly BigInteger LateNotifyFine = BigInteger.Parse("50000000000000000");

    [Fact]
    public async Task NotifyExit_ProofEpochAtThreshold_ExitingWithoutFine()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync((WithdrawableEpoch - NotifyThreshold) * SlotsPerEpoch, 123_456, Exiting(megapool, pubkey, WithdrawableEpoch));

        var receipt = await SubmitAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller);

        Assert.True(receipt.Succeeded);
        Assert.True((await InfoAsync(megapool, id)).Exiting);
        Assert.Equal(BigInteger.Zero, await DebtAsync(megapool));
    }

    [Fact]
    public async Task NotifyExit_ProofEpochPastThreshold_LateFineAddedToDebt()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(((WithdrawableEpoch - NotifyThreshold + 1) * SlotsPerEpoch) + 31, 7, Exiting(megapool, pubkey, WithdrawableEpoch));

        var receipt = await SubmitAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller);

        Assert.True(receipt.Succeeded);
        Assert.True((await InfoAsync(megapool, id)).Exiting);
        Assert.Equal(LateNotifyFine, await DebtAsync(megapool));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(49)]
    public async Task NotifyExit_OneValidatorWitnessFlipped_RevertsInvalidValidatorProof(int witness)
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 99, Exiting(megapool, pubkey, WithdrawableEpoch));
        var good = MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof);
        validatorProof.Witnesses[witness][17] ^= 0x01;

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Invalid validator proof");

        Assert.Equal(50, validatorProof.Witnesses.Count);
        Assert.True((await SubmitAsync(good, Caller)).Succeeded);
    }

    [Fact]
    public async Task NotifyExit_OneSlotWitnessFlipped_RevertsInvalidSlotProof()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 99, Exiting(megapool, pubkey, WithdrawableEpoch));
        slotProof.Witnesses[8][0] ^= 0x80;

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Invalid slot proof");
    }

    [Fact]
    public async Task NotifyExit_WitnessMissing_RevertsInvalidWitnessLength()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 99, Exiting(megapool, pubkey, WithdrawableEpoch));
        validatorProof.Witnesses.RemoveAt(49);

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Invalid witness length");
    }

    [Fact]
    public async Task NotifyExit_SlotTimestampOneHourOld_Succeeds_OneSecondOlder_RevertsSlotProofTooOld()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 5, Exiting(megapool, pubkey, WithdrawableEpoch));
        var call = MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof);

        var stale = await Assert.ThrowsAsync<JsonRpcNodeException>(() =>
            Chain.Eth.CallAsync(new CallRequest(call.To, call.Data, Caller.Address), BlockTag.Latest, CancellationToken.None, new BlockOverrides(Time: slotTimestamp + 3601)));
        await Chain.SetNextBlockTimestampAsync(slotTimestamp + 3600);
        var receipt = await SubmitAsync(call, Caller);

        Assert.Equal("reverted: \"Slot proof too old\"", RevertDecoder.Decode(stale.RevertData ?? []).ToString());
        Assert.True(receipt.Succeeded);
        Assert.Equal(slotTimestamp + 3600, (await Chain.Eth.GetBlockAsync(BlockTag.At(receipt.BlockNumber), CancellationToken.None)).Timestamp);
    }

    [Fact]
    public async Task NotifyExit_SlotTimestampStale_SignedTransactionReverts()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 5, Exiting(megapool, pubkey, WithdrawableEpoch));
        await Chain.IncreaseTimeAsync(3601);
        await Chain.MineAsync();

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Slot proof too old");
    }

    [Fact]
    public async Task NotifyExit_WrongGenesisWitness_RevertsInvalidGenesisWitness()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var validator = Exiting(megapool, pubkey, WithdrawableEpoch);
        // A consistent tree whose genesis subtree is another chain's: the validator proof holds, the slot proof's witness does not.
        var otherChain = (byte[])GenesisWitness.Clone();
        otherChain[0] ^= 0xff;
        var state = new ProvenBeaconState(3, WithdrawableEpoch * SlotsPerEpoch, otherChain, CapellaSlot);
        state.SetValidator(11, validator);
        var slotTimestamp = await PublishAsync(state);

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, state.ProveValidator(11, validator), state.ProveSlot()), Caller, "Invalid genesis witness");
    }

    [Fact]
    public async Task NotifyExit_PreElectraSlot_RevertsInvalidProof()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(ElectraSlot - 1, 5, Exiting(megapool, pubkey, WithdrawableEpoch));

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Invalid proof");
    }

    [Fact]
    public async Task NotifyExit_RootNotInBeaconRootsContract_RevertsBlockRootNotAvailable()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 5, Exiting(megapool, pubkey, WithdrawableEpoch));

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp - 1, validatorProof, slotProof), Caller, "Block root is not available");
    }

    [Fact]
    public async Task NotifyExit_NotWithdrawable_RevertsValidatorNotExiting()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var validator = Exiting(megapool, pubkey, WithdrawableEpoch);
        validator.WithdrawableEpoch = FarFuture;
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 5, validator);

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Validator not exiting");
    }

    [Fact]
    public async Task NotifyExit_AnotherValidatorsPubkey_RevertsPubkeyDoesNotMatch()
    {
        var (megapool, id, _) = await StakedValidatorAsync();
        var other = new byte[48];
        other[0] = 0xab;
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 5, Exiting(megapool, other, WithdrawableEpoch));

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Pubkey does not match");
    }

    [Fact]
    public async Task NotifyExit_Type2Credentials_RevertsInvalidWithdrawalCredentials()
    {
        var (megapool, id, pubkey) = await StakedValidatorAsync();
        var validator = Exiting(megapool, pubkey, WithdrawableEpoch);
        validator.WithdrawalCredentials[0] = 0x02;
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(WithdrawableEpoch * SlotsPerEpoch, 5, validator);

        await AssertRevertsAsync(MegapoolManager.NotifyExit(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Invalid withdrawal credentials");
    }

    [Fact]
    public async Task MegapoolNotifyExit_CalledByAnyoneButTheManager_Reverts()
    {
        var (megapool, id, _) = await StakedValidatorAsync();
        var direct = new ContractCall(megapool, CompiledContracts.Get("MegapoolHarness").EncodeCall("notifyExit", id, WithdrawableEpoch, WithdrawableEpoch), "unproven notifyExit");

        await AssertRevertsAsync(direct, Caller, "Invalid or outdated contract");
    }
}
