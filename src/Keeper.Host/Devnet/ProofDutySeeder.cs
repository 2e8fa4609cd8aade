using System.Numerics;
using Keeper.Actors.Tracking;
using Keeper.Chain.Beacon;
using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet.Beacon;

namespace Keeper.Host.Devnet;

/// <summary>
/// Seeds the duties that need beacon proofs, <c>count</c> validators of each kind, each kind in a megapool of its own
/// made-up operator, all before the keepers start:
/// <list type="bullet">
/// <item><b>final-balance</b>: staked validators exit on the beacon chain with a withdrawable epoch just past the notify
/// threshold; the harness's guardian reports each exit on time with a real proof (no fine); the chain time then moves past
/// the withdrawable epoch and each final withdrawal goes into a beacon block. Due once <c>getUserDistributeDelay()</c>
/// epochs have passed since the withdrawal's epoch.</item>
/// <item><b>notify-exit</b>: staked validators exit on the beacon chain and nobody reports them; the late window
/// (<c>recentEpoch &gt; withdrawableEpoch - notifyThreshold</c>) opens a few epochs into the run.</item>
/// <item><b>dissolve-proof</b>: validators put in prestake after the time jump (so their own timed-out dissolve comes
/// after every other seeded deadline) whose beacon withdrawal credentials name another address: due at once.</item>
/// </list>
/// The time jump (past the final-balance validators' withdrawable epoch, about half a day) happens only when this runs,
/// after the other pools are seeded; their deadlines are days away and computed from the chain afterwards.
/// </summary>
/// <param name="chain">The dev chain; automine must be on.</param>
/// <param name="harness">The Rocket Pool harness.</param>
/// <param name="beacon">The devnet beacon node following the chain.</param>
/// <param name="progress">Where progress lines go.</param>
public sealed class ProofDutySeeder(DevChainClient chain, RocketPoolHarness harness, DevBeaconNode beacon, TextWriter progress)
{
    // Epochs between the start of the run and the opening of the late-exit window: the keepers are up by then.
    private const ulong LateWindowAfterEpochs = 4;
    private const ulong ProofGas = 3_000_000;
    private const ulong SecondsPerEpoch = DevBeaconSpec.SlotsPerEpoch * DevBeaconSpec.SecondsPerSlot;

    /// <summary>Seeds <paramref name="count"/> validators of each proof kind and returns their tasks.</summary>
    public async Task<IReadOnlyList<DevnetTask>> SeedAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var batch = new BatchCaller(chain.Eth, new BatchCallerOptions { Multicall3 = harness.Multicall3 });
        var threshold = (await new MegapoolSettings(batch, harness.Deployment.MegapoolSettings).ReadAsync(BlockTag.Latest, cancellationToken)).NotifyThresholdEpochs;
        var distributeDelay = await UserDistributeDelayAsync(cancellationToken);

        var finalPool = await harness.CreateMegapoolAsync(Operator(DevnetTaskKind.FinalBalance), cancellationToken);
        var latePool = await harness.CreateMegapoolAsync(Operator(DevnetTaskKind.NotifyExit), cancellationToken);
        var wrongPool = await harness.CreateMegapoolAsync(Operator(DevnetTaskKind.DissolveProof), cancellationToken);
        var finals = await ValidatorsAsync(finalPool, count, stake: true, cancellationToken);
        var lates = await ValidatorsAsync(latePool, count, stake: true, cancellationToken);
        await MineSlotAsync(cancellationToken);

        var tasks = new List<DevnetTask>();
        tasks.AddRange(await FinalBalancesAsync(finalPool, finals, threshold, distributeDelay, cancellationToken));
        tasks.AddRange(LateExits(latePool, lates, threshold));
        tasks.AddRange(await WrongCredentialsAsync(wrongPool, count, cancellationToken));
        progress.WriteLine($"seeded proof duties: {count} unreported exits, {count} wrong withdrawal credentials, {count} final withdrawals (beacon epoch {beacon.Chain.Head.Slot / DevBeaconSpec.SlotsPerEpoch})");
        return tasks;
    }

    private async Task<IEnumerable<DevnetTask>> FinalBalancesAsync(Address megapool, IReadOnlyList<uint> ids, ulong threshold, ulong distributeDelay, CancellationToken cancellationToken)
    {
        var epoch = Epoch;
        var withdrawable = epoch + threshold + 2;
        var validators = ids.Select(id => beacon.Chain.Exit(PubkeyOf(megapool, id), epoch + 1, withdrawable)).ToArray();
        var (slotTimestamp, tree) = await ProvableAsync(cancellationToken);
        if (tree.Slot / DevBeaconSpec.SlotsPerEpoch > withdrawable - threshold)
        {
            throw new InvalidOperationException($"The exit report's proof is at epoch {tree.Slot / DevBeaconSpec.SlotsPerEpoch}, already late for withdrawable epoch {withdrawable}.");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var call = MegapoolManager.NotifyExit(harness.Deployment.MegapoolManager, megapool, ids[i], slotTimestamp,
                ProofStructs.From(tree.ProveValidator(validators[i].Index)), ProofStructs.From(tree.ProveSlot()));
            await SendAsync(call, cancellationToken);
        }

        // A full withdrawal is one at or after the withdrawable epoch (the manager checks it).
        var head = await chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
        var target = beacon.Chain.SlotTimestamp((withdrawable + 1) * DevBeaconSpec.SlotsPerEpoch);
        progress.WriteLine($"moving chain time {target - head.Timestamp} s ahead, past withdrawable epoch {withdrawable}, for the final withdrawals");
        await chain.SetNextBlockTimestampAsync(target, cancellationToken);
        await chain.MineAsync(cancellationToken: cancellationToken);
        await beacon.StepAsync(cancellationToken);
        var inclusions = ids.Select(id => beacon.Chain.WithdrawFinalAsync(PubkeyOf(megapool, id))).ToArray();
        await MineSlotAsync(cancellationToken);
        var included = await Task.WhenAll(inclusions).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return ids.Select((id, i) => ProvenFrom(
            TaskKeys.FinalBalance(megapool, id), megapool, id, ((included[i].Slot / DevBeaconSpec.SlotsPerEpoch) + distributeDelay) * DevBeaconSpec.SlotsPerEpoch, DevnetTaskKind.FinalBalance));
    }

    private IEnumerable<DevnetTask> LateExits(Address megapool, IReadOnlyList<uint> ids, ulong threshold)
    {
        var epoch = Epoch;
        var withdrawable = epoch + threshold + LateWindowAfterEpochs;
        foreach (var id in ids)
        {
            beacon.Chain.Exit(PubkeyOf(megapool, id), epoch + 1, withdrawable);
        }

        // Late from the first epoch past withdrawable - threshold: a proof of a slot in it makes the report late.
        return ids.Select(id => ProvenFrom(TaskKeys.NotifyExit(megapool, id), megapool, id, (withdrawable - threshold + 1) * DevBeaconSpec.SlotsPerEpoch, DevnetTaskKind.NotifyExit)).ToArray();
    }

    private async Task<IEnumerable<DevnetTask>> WrongCredentialsAsync(Address megapool, int count, CancellationToken cancellationToken)
    {
        var ids = await ValidatorsAsync(megapool, count, stake: false, cancellationToken);
        await MineSlotAsync(cancellationToken);
        var wrong = DevBeaconChain.Credentials(0x01, chain.Keys[0].Address);
        foreach (var id in ids)
        {
            beacon.Chain.SetWithdrawalCredentials(PubkeyOf(megapool, id), wrong);
        }

        // The change is in the next beacon block; its root is on chain once the block after it is produced.
        await MineSlotAsync(cancellationToken);
        await MineSlotAsync(cancellationToken);
        var head = await chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
        return ids.Select(id => new DevnetTask(TaskKeys.DissolveProof(megapool, id), megapool, id, head.Timestamp + 1, DevnetTaskKind.DissolveProof)).ToArray();
    }

    private async Task<IReadOnlyList<uint>> ValidatorsAsync(Address megapool, int count, bool stake, CancellationToken cancellationToken)
    {
        var ids = new List<uint>();
        for (var i = 0; i < count; i++)
        {
            var id = await harness.NewValidatorAsync(megapool, cancellationToken);
            await harness.AssignAsync(megapool, id, cancellationToken);
            if (stake)
            {
                await harness.StakeAsync(megapool, id, cancellationToken);
            }

            ids.Add(id);
        }

        return ids;
    }

    // Mines the block to prove and its child; the proven state's root is in the EIP-4788 stand-in under the child's slot time.
    private async Task<(ulong SlotTimestamp, BeaconStateTree Tree)> ProvableAsync(CancellationToken cancellationToken)
    {
        var proven = await MineSlotAsync(cancellationToken);
        var child = await MineSlotAsync(cancellationToken);
        var tree = BeaconStateTree.Build(beacon.Chain.StateAt(proven.Slot), DevBeaconSsz.Fork);
        return (beacon.Chain.SlotTimestamp(child.Slot), tree);
    }

    // Mines a block in the next slot and returns its beacon block, produced by this step or by the node's own polling.
    private async Task<DevBeaconBlock> MineSlotAsync(CancellationToken cancellationToken)
    {
        await chain.IncreaseTimeAsync(DevBeaconSpec.SecondsPerSlot, cancellationToken);
        await chain.MineAsync(cancellationToken: cancellationToken);
        var head = await chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
        await beacon.StepAsync(cancellationToken);
        var slot = beacon.Chain.SlotAt(head.Timestamp);
        return beacon.Chain.Head is { } block && block.Slot == slot
            ? block
            : throw new InvalidOperationException($"Anvil block {head.Number} (slot {slot}) produced no beacon block; the beacon head is at slot {beacon.Chain.Head.Slot}.");
    }

    private async Task SendAsync(ContractCall call, CancellationToken cancellationToken)
    {
        var receipt = await chain.SendAsync(chain.Keys[0], call.To, call.Data, gas: ProofGas, cancellationToken: cancellationToken);
        if (!receipt.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {call.Description} reverted in block {receipt.BlockNumber}.");
        }
    }

    private async Task<ulong> UserDistributeDelayAsync(CancellationToken cancellationToken)
    {
        var abi = CompiledContracts.Get("MegapoolSettingsHarness");
        var data = await chain.Eth.CallAsync(new CallRequest(harness.Deployment.MegapoolSettings, abi.EncodeCall("getUserDistributeDelay")), BlockTag.Latest, cancellationToken);
        return (ulong)(BigInteger)abi.DecodeOutput("getUserDistributeDelay", data)[0]!;
    }

    private ulong Epoch => beacon.Chain.Head.Slot / DevBeaconSpec.SlotsPerEpoch;

    // A call that must prove slot `fromSlot` or later: valid at the earliest just after the first block of the next slot
    // (the proven block's child, which puts its root in EIP-4788); the report finds the exact block from the chain.
    private DevnetTask ProvenFrom(string key, Address megapool, uint id, ulong fromSlot, DevnetTaskKind kind) =>
        new(key, megapool, id, beacon.Chain.SlotTimestamp(fromSlot + 1) + 1, kind, fromSlot);

    private ValidatorPubkey PubkeyOf(Address megapool, uint id) =>
        beacon.Chain.Validators.Single(v => v.Megapool == megapool && v.ValidatorId == id).Pubkey;

    // One made-up operator per kind, apart from the ones the pool seeding makes up (0x5e...).
    private static Address Operator(DevnetTaskKind kind)
    {
        var bytes = new byte[20];
        bytes[0] = 0x5f;
        bytes[19] = (byte)kind;
        return new Address(bytes);
    }
}
