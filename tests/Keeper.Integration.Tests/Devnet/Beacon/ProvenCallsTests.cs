using System.Globalization;
using System.Numerics;
using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Host.Devnet.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Devnet.Beacon;

/// <summary>
/// End to end on a real anvil: proofs Keeper builds from states and blocks the devnet beacon node serves over HTTP go
/// into the megapool manager's proof calls as signed transactions; the harness verifies them against the root in the
/// EIP-4788 stand-in, and the same call with one witness flipped reverts.
/// </summary>
public sealed class ProvenCallsTests : DevBeaconTestBase
{
    private static readonly BigInteger LateNotifyFine = BigInteger.Parse("50000000000000000", CultureInfo.InvariantCulture);

    private PrivateKey Operator => Chain.Keys[1];

    private PrivateKey Keeper => Chain.Keys[2];

    [Fact]
    public async Task NotifyExit_ProofsFromTheBeaconNode_ReportTheExitOnTimeAndAFlippedWitnessReverts()
    {
        var id = await StakedAsync();
        var exiting = await MineSlotAsync(12);
        var epoch = exiting.Slot / DevBeaconSpec.SlotsPerEpoch;
        var validator = Beacon.Chain.Exit(PubkeyOf(id), epoch + 1, epoch + 300);
        await MineSlotAsync(12);
        var (slotTimestamp, tree) = await ProvableAsync();

        var call = MegapoolManager.NotifyExit(Harness.Deployment.MegapoolManager, Megapool, id, slotTimestamp, ProofStructs.From(tree.ProveValidator(validator.Index)), ProofStructs.From(tree.ProveSlot()));
        var flipped = MegapoolManager.NotifyExit(Harness.Deployment.MegapoolManager, Megapool, id, slotTimestamp, Flipped(ProofStructs.From(tree.ProveValidator(validator.Index)), 30), ProofStructs.From(tree.ProveSlot()));

        await AssertRevertsAsync(flipped, "Invalid validator proof");
        var receipt = await Chain.SendAsync(Keeper, call.To, call.Data, gas: 3_000_000);
        Assert.True(receipt.Succeeded, $"{call.Description} reverted in block {receipt.BlockNumber}.");
        Assert.True((await InfoAsync(id)).Exiting);
        Assert.Equal(BigInteger.Zero, await DebtAsync());
    }

    [Fact]
    public async Task Dissolve_WrongCredentialsOnTheBeaconChain_DissolvedWithTheProofWhileACompliantValidatorIsRefused()
    {
        var wrong = await PrestakedAsync();
        var compliant = await PrestakedAsync();
        await MineSlotAsync(12);
        var wrongValidator = Beacon.Chain.SetWithdrawalCredentials(PubkeyOf(wrong), DevBeaconChain.Credentials(0x01, Keeper.Address));
        var compliantValidator = Beacon.Chain.Validator(PubkeyOf(compliant)) ?? throw new InvalidOperationException("The prestaked validator is not on the beacon chain.");
        await MineSlotAsync(12);
        var (slotTimestamp, tree) = await ProvableAsync();
        var manager = Harness.Deployment.MegapoolManager;

        var refused = MegapoolManager.DissolveWithProof(manager, Megapool, compliant, slotTimestamp, ProofStructs.From(tree.ProveValidator(compliantValidator.Index)), ProofStructs.From(tree.ProveSlot()));
        await AssertRevertsAsync(refused, "Validator is compliant");
        var flipped = MegapoolManager.DissolveWithProof(manager, Megapool, wrong, slotTimestamp, Flipped(ProofStructs.From(tree.ProveValidator(wrongValidator.Index)), 0), ProofStructs.From(tree.ProveSlot()));
        await AssertRevertsAsync(flipped, "Invalid validator proof");
        var call = MegapoolManager.DissolveWithProof(manager, Megapool, wrong, slotTimestamp, ProofStructs.From(tree.ProveValidator(wrongValidator.Index)), ProofStructs.From(tree.ProveSlot()));
        var receipt = await Chain.SendAsync(Keeper, call.To, call.Data, gas: 3_000_000);

        Assert.True(receipt.Succeeded, $"{call.Description} reverted in block {receipt.BlockNumber}.");
        Assert.True((await InfoAsync(wrong)).Dissolved);
        Assert.False((await InfoAsync(compliant)).Dissolved);
    }

    [Fact]
    public async Task LateExitThenFinalBalance_ProofsFromTheBeaconNode_FineTheOperatorAndRecordTheWithdrawnAmount()
    {
        var id = await StakedAsync();
        var later = await MineSlotAsync(200 * DevBeaconSpec.SlotsPerEpoch * DevBeaconSpec.SecondsPerSlot);
        var epoch = later.Slot / DevBeaconSpec.SlotsPerEpoch;
        var validator = Beacon.Chain.Exit(PubkeyOf(id), epoch - 10, epoch - 5);
        await MineSlotAsync(12);
        var (exitTimestamp, exitTree) = await ProvableAsync();
        var notify = MegapoolManager.NotifyExit(Harness.Deployment.MegapoolManager, Megapool, id, exitTimestamp, ProofStructs.From(exitTree.ProveValidator(validator.Index)), ProofStructs.From(exitTree.ProveSlot()));
        Assert.True((await Chain.SendAsync(Keeper, notify.To, notify.Data, gas: 3_000_000)).Succeeded, $"{notify.Description} reverted.");
        Assert.Equal(LateNotifyFine, await DebtAsync());

        var withdrawal = Beacon.Chain.WithdrawFinalAsync(PubkeyOf(id));
        var withdrawalBlock = await MineSlotAsync(12);
        var inclusion = await withdrawal.WaitAsync(Patience);
        Assert.Equal(withdrawalBlock.Slot, inclusion.Slot);
        await MineSlotAsync(12);
        var (slotTimestamp, tree) = await ProvableAsync();
        var block = await Client.GetBlockSszAsync(inclusion.Slot.ToString(CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Patience);
        var withdrawalProof = tree.ProveWithdrawal(block.Bytes, block.Fork, inclusion.Position);
        var call = MegapoolManager.NotifyFinalBalance(
            Harness.Deployment.MegapoolManager, Megapool, id, slotTimestamp, ProofStructs.From(withdrawalProof), ProofStructs.From(tree.ProveValidator(validator.Index)), ProofStructs.From(tree.ProveSlot()));
        var receipt = await Chain.SendAsync(Operator, call.To, call.Data, gas: 3_000_000);

        Assert.True(receipt.Succeeded, $"{call.Description} reverted in block {receipt.BlockNumber}.");
        var info = await InfoAsync(id);
        Assert.True(info.Exited);
        Assert.Equal(inclusion.Withdrawal.AmountGwei, info.ExitBalance);
    }

    private async Task<uint> PrestakedAsync()
    {
        var id = await Harness.NewValidatorAsync(Megapool);
        await Harness.AssignAsync(Megapool, id);
        return id;
    }

    private async Task<uint> StakedAsync()
    {
        var id = await PrestakedAsync();
        await Harness.StakeAsync(Megapool, id);
        return id;
    }

    private ValidatorPubkey PubkeyOf(uint id) =>
        Beacon.Chain.Validators.Single(v => v.Megapool == Megapool && v.ValidatorId == id).Pubkey;

    // Mines the block to prove and its child, and builds the proven slot's tree from the state fetched over HTTP; the
    // root is in the EIP-4788 stand-in under the child's slot timestamp.
    private async Task<(ulong SlotTimestamp, BeaconStateTree Tree)> ProvableAsync()
    {
        var proven = await MineSlotAsync(12);
        var child = await MineSlotAsync(12);
        var state = await Client.GetStateSszAsync(proven.Slot.ToString(CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Patience);
        var tree = BeaconStateTree.Build(state.Bytes, state.Fork);
        Assert.Equal(proven.Root, tree.BlockRoot);
        return (Beacon.Chain.SlotTimestamp(child.Slot), tree);
    }

    private static ValidatorProofStruct Flipped(ValidatorProofStruct proof, int witness)
    {
        proof.Witnesses[witness][31] ^= 0x01;
        return proof;
    }

    private async Task AssertRevertsAsync(ContractCall call, string reason)
    {
        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() => Chain.Eth.CallAsync(new CallRequest(call.To, call.Data, Keeper.Address), BlockTag.Latest, CancellationToken.None));
        Assert.Equal(new RevertReason.ErrorString(reason), RevertDecoder.Decode(error.RevertData ?? []));
    }

    private Task<ValidatorInfo> InfoAsync(uint id) =>
        new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), Megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);

    private Task<BigInteger> DebtAsync() =>
        new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), Megapool).GetDebtAsync(BlockTag.Latest, CancellationToken.None);
}
