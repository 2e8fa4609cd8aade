using System.Numerics;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Keeper.Integration.Tests.RocketPool.Proofs;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>
/// A harness whose verifier accepts a beacon chain in Electra from slot 1,000,000 (Capella from 500,000), with the
/// EIP-4788 stand-in installed; proofs are built by the test over made-up states and their roots written to it.
/// </summary>
public abstract class ProofHarnessTestBase : HarnessTestBase
{
    protected const ulong CapellaSlot = 500_000;
    protected const ulong ElectraSlot = 1_000_000;
    protected const ulong FarFuture = ulong.MaxValue;
    protected const ulong SlotsPerEpoch = 32;

    private BeaconRootsContract? _roots;

    protected BeaconRootsContract Roots => _roots!;

    /// <summary>The node operator of every megapool the tests create.</summary>
    protected PrivateKey Operator => Chain.Keys[1];

    /// <summary>Anyone else: the keeper.</summary>
    protected PrivateKey Caller => Chain.Keys[3];

    protected Address Manager => Harness.Deployment.MegapoolManager;

    protected byte[] GenesisWitness => SszLeaves.GenesisWitness(Harness.Beacon.GenesisTime, Harness.Beacon.GenesisValidatorsRoot.ToArray());

    protected override async Task<RocketPoolHarness> DeployHarnessAsync(DevChainClient chain)
    {
        _roots = await BeaconRootsContract.InstallAsync(chain, CancellationToken.None);
        var genesis = await chain.Eth.GetBlockAsync(BlockTag.Earliest, CancellationToken.None);
        var beacon = RocketPoolHarnessBeaconConfig.FromGenesis(genesis.Timestamp) with { CapellaSlot = CapellaSlot, ElectraSlot = ElectraSlot };
        return await RocketPoolHarness.DeployAsync(chain, chain.Keys[0], beacon);
    }

    /// <summary>A new validator of a new megapool of <see cref="Operator"/>, staked.</summary>
    protected async Task<(Address Megapool, uint Id, byte[] Pubkey)> StakedValidatorAsync()
    {
        var (megapool, id, pubkey) = await PrestakedValidatorAsync();
        await Harness.StakeAsync(megapool, id);
        return (megapool, id, pubkey);
    }

    /// <summary>A new validator of a new megapool of <see cref="Operator"/>, assigned ETH and not staked.</summary>
    protected async Task<(Address Megapool, uint Id, byte[] Pubkey)> PrestakedValidatorAsync()
    {
        var megapool = await Harness.CreateMegapoolAsync(Operator.Address);
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        return (megapool, id, await Harness.GetValidatorPubkeyAsync(megapool, id));
    }

    /// <summary>The beacon record of a megapool validator that deposited its prestake and nothing else happened.</summary>
    protected static ValidatorStruct Compliant(Address megapool, byte[] pubkey) => new()
    {
        Pubkey = pubkey,
        WithdrawalCredentials = RocketPoolHarness.WithdrawalCredentials(megapool).ToArray(),
        EffectiveBalance = 1_000_000_000,
        ActivationEligibilityEpoch = FarFuture,
        ActivationEpoch = FarFuture,
        ExitEpoch = FarFuture,
        WithdrawableEpoch = FarFuture,
    };

    /// <summary>The beacon record of an active megapool validator that exits and becomes withdrawable at <paramref name="withdrawableEpoch"/>.</summary>
    protected static ValidatorStruct Exiting(Address megapool, byte[] pubkey, ulong withdrawableEpoch) => new()
    {
        Pubkey = pubkey,
        WithdrawalCredentials = RocketPoolHarness.WithdrawalCredentials(megapool).ToArray(),
        EffectiveBalance = 32_000_000_000,
        ActivationEligibilityEpoch = 30_000,
        ActivationEpoch = 30_010,
        ExitEpoch = withdrawableEpoch - 256,
        WithdrawableEpoch = withdrawableEpoch,
    };

    /// <summary>Writes the state's root to EIP-4788 under the head block's timestamp and returns that slot timestamp.</summary>
    protected async Task<ulong> PublishAsync(ProvenBeaconState state)
    {
        var slotTimestamp = await HeadTimeAsync();
        await Roots.SetRootAsync(slotTimestamp, state.Root, CancellationToken.None);
        return slotTimestamp;
    }

    /// <summary>Signs and sends the call from <paramref name="sender"/> with a fixed gas limit, so a reverting one is mined too.</summary>
    protected Task<TransactionReceipt> SubmitAsync(ContractCall call, PrivateKey sender) =>
        Chain.SendAsync(sender, call.To, call.Data, gas: 3_000_000);

    /// <summary>Checks that the call reverts with <paramref name="reason"/> (eth_call), and that the signed transaction is mined reverted.</summary>
    protected async Task AssertRevertsAsync(ContractCall call, PrivateKey sender, string reason)
    {
        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() => Chain.Eth.CallAsync(new CallRequest(call.To, call.Data, sender.Address), BlockTag.Latest, CancellationToken.None));
        Assert.Equal(new RevertReason.ErrorString(reason), RevertDecoder.Decode(error.RevertData ?? []));
        var receipt = await SubmitAsync(call, sender);
        Assert.False(receipt.Succeeded, $"{call.Description} was expected to revert with \"{reason}\" but succeeded in block {receipt.BlockNumber}.");
    }

    protected Task<ValidatorInfo> InfoAsync(Address megapool, uint id) =>
        new Megapool(Chain.Eth, Multicall(), megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);

    protected Task<BigInteger> DebtAsync(Address megapool) =>
        new Megapool(Chain.Eth, Multicall(), megapool).GetDebtAsync(BlockTag.Latest, CancellationToken.None);

    /// <summary>Proves <paramref name="validator"/> at index <paramref name="index"/> in a state at <paramref name="slot"/> and publishes its root.</summary>
    protected async Task<(ulong SlotTimestamp, ValidatorProofStruct Validator, SlotProofStruct Slot)> ProveAsync(ulong slot, ulong index, ValidatorStruct validator, int seed = 1)
    {
        var state = new ProvenBeaconState(seed, slot, GenesisWitness, CapellaSlot);
        state.SetValidator(index, validator);
        return (await PublishAsync(state), state.ProveValidator(index, validator), state.ProveSlot());
    }
}
