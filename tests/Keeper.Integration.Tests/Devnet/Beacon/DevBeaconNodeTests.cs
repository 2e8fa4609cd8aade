using System.Buffers.Binary;
using System.Numerics;
using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet.Beacon;
using Keeper.Integration.Tests.RocketPool.Proofs;
using Nethereum.Contracts;
using Xunit;

namespace Keeper.Integration.Tests.Devnet.Beacon;

/// <summary>
/// The devnet beacon chain on a real anvil with the Rocket Pool harness: blocks follow anvil's clock, the states and
/// blocks fetched over HTTP by Keeper's BeaconClient hash to the roots the headers give, and the EIP-4788 stand-in
/// answers each block's root under its child's slot timestamp.
/// </summary>
public sealed class DevBeaconNodeTests : DevBeaconTestBase
{
    private static readonly BeaconTypes Types = BeaconTypes.For(BeaconFork.Electra);

    protected override async Task SeedAsync()
    {
        for (uint id = 0; id < 3; id++)
        {
            await Harness.NewValidatorAsync(Megapool);
        }

        await Harness.AssignAsync(Megapool, 1);
        await Harness.AssignAsync(Megapool, 2);
        await Harness.StakeAsync(Megapool, 2);
    }

    [Fact]
    public async Task NewHeads_StatesAndBlocksOverHttp_HashToTheHeaderRootsAndTheStandInHoldsEachRootUnderItsChildsSlot()
    {
        var parent = await MineSlotAsync(12);
        var child = await MineSlotAsync(12);

        var header = await Client.GetHeaderAsync(parent.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Patience);
        var state = await Client.GetStateSszAsync(parent.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Patience);
        var block = await Client.GetBlockSszAsync(header.Root.ToString(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(parent.Root, header.Root);
        Assert.Equal(header.StateRoot, Types.BeaconState.HashTreeRoot(state.Bytes));
        var message = Types.SignedBeaconBlock.FieldSlice(block.Bytes, "message");
        Assert.Equal(header.Root, Types.BeaconBlock.HashTreeRoot(message.In(block.Bytes.AsSpan())));
        Assert.Equal(header.Root, child.ParentRoot);
        Assert.Equal(header.Root, await RootAtAsync(Beacon.Chain.SlotTimestamp(child.Slot)));
    }

    [Fact]
    public async Task HarnessValidators_InTheState_PrestakedPendingStakedActiveQueuedAbsentWithMegapoolCredentials()
    {
        await MineSlotAsync(12);
        var pubkeys = Beacon.Chain.Validators.Select(v => v.Pubkey).ToArray();

        var validators = await Client.GetValidatorsAsync(pubkeys, "head", CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(2, validators.Count);
        var credentials = DevBeaconChain.Credentials(0x01, Megapool);
        Assert.All(validators.Values, v => Assert.Equal(credentials, v.WithdrawalCredentials));
        Assert.Equal(
            [BeaconValidatorStatus.PendingInitialized, BeaconValidatorStatus.ActiveOngoing],
            validators.Values.OrderBy(v => v.Index).Select(v => v.Status));
    }

    [Fact]
    public async Task TimeJumpOfDays_NextBlock_HasTheSummariesOfThePeriodsPassedAndStillVerifies()
    {
        var before = await MineSlotAsync(12);

        var after = await MineSlotAsync(2 * 24 * 3600);
        var state = await Client.GetStateSszAsync("head", CancellationToken.None).WaitAsync(Patience);

        var summaries = Types.BeaconState.FieldSlice(state.Bytes, "historical_summaries");
        Assert.Equal((int)(after.Slot / 8192) * 64, summaries.Length);
        Assert.True(after.Slot - before.Slot > 8192, $"The jump should span a whole period; it went from slot {before.Slot} to {after.Slot}.");
        Assert.Equal(after.StateRoot, Types.BeaconState.HashTreeRoot(state.Bytes));
        Assert.Equal(before.Root, await RootAtAsync(Beacon.Chain.SlotTimestamp(after.Slot)));
    }

    [Fact]
    public async Task ExitAndFinalWithdrawal_NextBlock_CarriesTheWithdrawalAndCreditsTheMegapool()
    {
        await MineSlotAsync(12);
        var staked = Beacon.Chain.Validators.Single(v => v.ActivationEpoch != DevBeaconSpec.FarFutureEpoch);
        Beacon.Chain.Exit(staked.Pubkey, exitEpoch: 0, withdrawableEpoch: 0);
        var withdrawal = Beacon.Chain.WithdrawFinalAsync(staked.Pubkey);
        var balanceBefore = await Chain.Eth.GetBalanceAsync(Megapool, BlockTag.Latest, CancellationToken.None);

        var block = await MineSlotAsync(12);
        var inclusion = await withdrawal.WaitAsync(Patience);

        Assert.Equal((block.Slot, 0), (inclusion.Slot, inclusion.Position));
        Assert.Equal((staked.Index, Megapool, 32_000_000_000UL), (inclusion.Withdrawal.ValidatorIndex, inclusion.Withdrawal.Address, inclusion.Withdrawal.AmountGwei));
        var balanceAfter = await Chain.Eth.GetBalanceAsync(Megapool, BlockTag.Latest, CancellationToken.None);
        Assert.Equal(new BigInteger(32) * BigInteger.Pow(10, 18), balanceAfter - balanceBefore);
        var validator = (await Client.GetValidatorsAsync([staked.Pubkey], "head", CancellationToken.None).WaitAsync(Patience))[staked.Pubkey];
        Assert.Equal((BeaconValidatorStatus.WithdrawalDone, 0UL, (ulong?)0), (validator.Status, validator.Balance, validator.WithdrawableEpoch));
    }

    [Fact]
    public async Task Proofs_FromStatesOverHttp_VerifyInTheHarnessVerifierUnderTheChildsSlotTimestampAndFailFlipped()
    {
        await MineSlotAsync(12);
        var staked = Beacon.Chain.Validators.Single(v => v.ActivationEpoch != DevBeaconSpec.FarFutureEpoch);
        var withdrawal = Beacon.Chain.WithdrawFinalAsync(staked.Pubkey);
        var withdrawalBlock = await MineSlotAsync(12);
        var inclusion = await withdrawal.WaitAsync(Patience);
        var proven = await MineSlotAsync(12);
        var child = await MineSlotAsync(12);
        var slotTimestamp = Beacon.Chain.SlotTimestamp(child.Slot);

        var tree = await TreeAsync(proven.Slot);
        var validator = ProofStructs.From(tree.ProveValidator(staked.Index));
        var slot = ProofStructs.From(tree.ProveSlot());
        var signedBlock = await Client.GetBlockSszAsync(withdrawalBlock.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Patience);
        var recent = ProofStructs.From(tree.ProveWithdrawal(signedBlock.Bytes, signedBlock.Fork, inclusion.Position));

        Assert.True(await VerifyAsync(new VerifyValidatorFunction { SlotTimestamp = slotTimestamp, Slot = proven.Slot, Proof = validator }));
        Assert.True(await VerifyAsync(new VerifySlotFunction { SlotTimestamp = slotTimestamp, Proof = slot }));
        Assert.True(await VerifyAsync(new VerifyWithdrawalFunction { SlotTimestamp = slotTimestamp, Slot = proven.Slot, Proof = recent }));
        validator.Witnesses[7][0] ^= 1;
        Assert.False(await VerifyAsync(new VerifyValidatorFunction { SlotTimestamp = slotTimestamp, Slot = proven.Slot, Proof = validator }));
    }

    [Fact]
    public async Task WithdrawalProof_AfterAJumpOfDays_VerifiesThroughTheHistoricalSummaries()
    {
        await MineSlotAsync(12);
        var staked = Beacon.Chain.Validators.Single(v => v.ActivationEpoch != DevBeaconSpec.FarFutureEpoch);
        var withdrawal = Beacon.Chain.WithdrawFinalAsync(staked.Pubkey);
        var withdrawalBlock = await MineSlotAsync(12);
        var inclusion = await withdrawal.WaitAsync(Patience);
        var proven = await MineSlotAsync(2 * 24 * 3600);
        var child = await MineSlotAsync(12);

        var tree = await TreeAsync(proven.Slot);
        var periodSlot = BeaconStateTree.HistoricalPeriodStateSlot(withdrawalBlock.Slot);
        var periodState = await Client.GetStateSszAsync(periodSlot.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Patience);
        var signedBlock = await Client.GetBlockSszAsync(withdrawalBlock.Root.ToString(), CancellationToken.None).WaitAsync(Patience);
        var periodRoots = Types.BeaconState.FieldSlice(periodState.Bytes, "block_roots").In(periodState.Bytes.AsMemory());
        var proof = tree.ProveWithdrawal(signedBlock.Bytes, signedBlock.Fork, inclusion.Position, periodRoots.Span, capellaSlot: 0);

        Assert.True(proof.Historical);
        Assert.True(await VerifyAsync(new VerifyWithdrawalFunction { SlotTimestamp = Beacon.Chain.SlotTimestamp(child.Slot), Slot = proven.Slot, Proof = ProofStructs.From(proof) }));
    }

    private async Task<BeaconStateTree> TreeAsync(ulong slot)
    {
        var state = await Client.GetStateSszAsync(slot.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None).WaitAsync(Patience);
        return BeaconStateTree.Build(state.Bytes, state.Fork);
    }

    private async Task<bool> VerifyAsync<TFunction>(TFunction function)
        where TFunction : FunctionMessage =>
        ContractAbi.DecodeReturn<TFunction, bool>(await Chain.Eth.CallAsync(ContractAbi.Call(Harness.BeaconStateVerifier, function), BlockTag.Latest, CancellationToken.None));

    private async Task<Hash32> RootAtAsync(ulong timestamp)
    {
        var word = new byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(word.AsSpan(24), timestamp);
        return new Hash32(await Chain.Eth.CallAsync(new CallRequest(BeaconRootsContract.Address, word), BlockTag.Latest, CancellationToken.None));
    }
}
