using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Primitives;
using Keeper.Chain.Proving;
using Keeper.Chain.Tests.Beacon;
using Keeper.Chain.Tests.Beacon.Proofs;
using Xunit;

namespace Keeper.Chain.Tests.Proving;

public sealed class BeaconProofCallBuilderTests
{
    private static readonly Address Manager = Address.Parse("0x00000000000000000000000000000000000000aa");
    private static readonly Address Megapool = Address.Parse("0x00000000000000000000000000000000000000bb");

    [Fact]
    public async Task BuildAsync_ConcurrentCallsOfOneSlot_ShareOneStateFetchAndKeyByTheChildSlotTime()
    {
        var beacon = new InMemoryBeacon();
        var tree = beacon.AddProvable(slot: 100, validators: 20, seed: 1);
        beacon.SetHead(103, tree.BlockRoot);
        beacon.StateGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var builder = new BeaconProofCallBuilder(beacon);

        var first = builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 3), Request(ProofCallKind.Dissolve, 4)], 0, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 5)], 0, cancel.Token);
        var second = builder.BuildAsync(Manager, Enumerable.Range(0, 20).Select(i => Request(ProofCallKind.NotifyExit, (ulong)i)).ToList(), 0, CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Within());
        beacon.StateGate.SetResult();
        var calls = (await first.Within()).Concat(await second.Within()).ToList();

        Assert.Equal([tree.StateRoot.ToString()], beacon.StateReads);
        Assert.Equal(22, calls.Count);
        Assert.All(calls, c => Assert.Equal(100UL, c.ProvenSlot));
        Assert.All(calls, c => Assert.Equal(InMemoryBeacon.GenesisTime + (103 * 12), c.SlotTimestamp));
        Assert.All(calls, c => Assert.Equal(c.SlotTimestamp + 3600, c.ValidUntil));
        Assert.All(calls, c => Assert.Equal(Manager, c.Call.To));
        Assert.StartsWith("notifyExit(", calls[0].Call.Description, StringComparison.Ordinal);
        Assert.StartsWith("dissolve(", calls[1].Call.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NewerProvenSlot_FetchesItsStateOnceAndReplacesTheTree()
    {
        var beacon = new InMemoryBeacon();
        var older = beacon.AddProvable(slot: 100, validators: 8, seed: 1);
        beacon.SetHead(101, older.BlockRoot);
        using var builder = new BeaconProofCallBuilder(beacon);
        await builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 1)], 0, CancellationToken.None).Within();
        await builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 2)], 0, CancellationToken.None).Within();

        var newer = beacon.AddProvable(slot: 110, validators: 9, seed: 2);
        beacon.SetHead(111, newer.BlockRoot);
        var call = (await builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 8)], 0, CancellationToken.None).Within()).Single();
        await builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 7)], 0, CancellationToken.None).Within();

        Assert.Equal(110UL, call.ProvenSlot);
        Assert.Equal([older.StateRoot.ToString(), newer.StateRoot.ToString()], beacon.StateReads);
    }

    [Fact]
    public async Task BuildAsync_BeaconHeadBehindTheExecutionHead_WaitsForItAndProvesTheNewerSlot()
    {
        var beacon = new InMemoryBeacon();
        var older = beacon.AddProvable(slot: 100, validators: 8, seed: 1);
        beacon.SetHead(101, older.BlockRoot);
        var newer = beacon.AddProvable(slot: 110, validators: 8, seed: 2);
        using var builder = new BeaconProofCallBuilder(beacon);

        // The execution head is in slot 111; the beacon node has seen only up to slot 101 when the build starts.
        var build = builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 1)], InMemoryBeacon.GenesisTime + (111 * 12), CancellationToken.None);
        await beacon.HeadRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
        beacon.SetHead(111, newer.BlockRoot);

        var call = (await build.Within()).Single();
        Assert.Equal(110UL, call.ProvenSlot);
        Assert.Equal(InMemoryBeacon.GenesisTime + (111 * 12), call.SlotTimestamp);
        Assert.Equal([newer.StateRoot.ToString()], beacon.StateReads);
    }

    [Fact]
    public async Task BuildAsync_BeaconHeadNeverCatchesUp_ProvesWhatItHas()
    {
        var beacon = new InMemoryBeacon();
        var older = beacon.AddProvable(slot: 100, validators: 8, seed: 1);
        beacon.SetHead(101, older.BlockRoot);
        using var builder = new BeaconProofCallBuilder(beacon);

        var call = (await builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 1)], InMemoryBeacon.GenesisTime + (111 * 12), CancellationToken.None).Within()).Single();
        Assert.Equal(100UL, call.ProvenSlot);
    }

    [Fact]
    public async Task BuildAsync_BadRequests_FailWithTheRequestNamed()
    {
        var beacon = new InMemoryBeacon();
        var tree = beacon.AddProvable(slot: 100, validators: 8, seed: 1);
        beacon.SetHead(101, tree.BlockRoot);
        using var builder = new BeaconProofCallBuilder(beacon);

        var outOfRange = Request(ProofCallKind.Dissolve, 8);
        var error = await Assert.ThrowsAsync<ProofCallException>(() => builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 1), outOfRange], 0, CancellationToken.None));
        Assert.Same(outOfRange, error.Request);
        Assert.Contains("has 8 validators", error.Message, StringComparison.Ordinal);
        Assert.Contains(Megapool.ToString(), error.Message, StringComparison.Ordinal);

        error = await Assert.ThrowsAsync<ProofCallException>(() => builder.BuildAsync(Manager, [Request(ProofCallKind.FinalBalance, 1)], 0, CancellationToken.None));
        Assert.Contains("needs the final withdrawal", error.Message, StringComparison.Ordinal);

        var notBefore = Request(ProofCallKind.FinalBalance, 1) with { Withdrawal = new WithdrawalLocation(100, 0, 32_000_000_000) };
        error = await Assert.ThrowsAsync<ProofCallException>(() => builder.BuildAsync(Manager, [notBefore], 0, CancellationToken.None));
        Assert.Contains("not before the proven slot 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NodeServesAnotherState_FailsAndRetriesOnTheNextCall()
    {
        var beacon = new InMemoryBeacon();
        var tree = beacon.AddProvable(slot: 100, validators: 8, seed: 1);
        beacon.SetHead(101, tree.BlockRoot);
        beacon.SetState(tree.StateRoot.ToString(), ChainFixture.State(InMemoryBeacon.Fork, 8, slot: 100, seed: 9));
        using var builder = new BeaconProofCallBuilder(beacon);

        var error = await Assert.ThrowsAsync<BeaconProofException>(() => builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 1)], 0, CancellationToken.None));
        Assert.Contains("not to the proven block", error.Message, StringComparison.Ordinal);

        beacon.AddProvable(slot: 100, validators: 8, seed: 1);
        Assert.Single(await builder.BuildAsync(Manager, [Request(ProofCallKind.NotifyExit, 1)], 0, CancellationToken.None).Within());
        Assert.Equal(2, beacon.StateReads.Count);
    }

    [Fact]
    public async Task FindFinalWithdrawalAsync_SharedScan_ReadsEachBlockOnceAndFindsTheFirstAtOrAfterFromSlot()
    {
        var beacon = new InMemoryBeacon();
        var b10 = beacon.AddBlock(10, Hash32.Zero, 7);
        var b12 = beacon.AddBlock(12, b10, 5, 7);
        using var builder = new BeaconProofCallBuilder(beacon);

        Assert.Null(await builder.FindFinalWithdrawalAsync(9, fromSlot: 11, CancellationToken.None).Within());
        Assert.Equal(new WithdrawalLocation(12, 1, 1001), await builder.FindFinalWithdrawalAsync(7, fromSlot: 11, CancellationToken.None).Within());
        Assert.Equal(2, beacon.BlockReads.Count);

        // Empty slots 13-19 cost nothing; the new blocks are read once for every validator.
        var b20 = beacon.AddBlock(20, b12, 9);
        beacon.AddBlock(21, b20, 5);
        Assert.Equal(new WithdrawalLocation(20, 0, 1000), await builder.FindFinalWithdrawalAsync(9, fromSlot: 11, CancellationToken.None).Within());
        Assert.Equal(new WithdrawalLocation(12, 0, 1000), await builder.FindFinalWithdrawalAsync(5, fromSlot: 11, CancellationToken.None).Within());
        Assert.Equal(new WithdrawalLocation(21, 0, 1000), await builder.FindFinalWithdrawalAsync(5, fromSlot: 13, CancellationToken.None).Within());
        Assert.Equal(4, beacon.BlockReads.Count);

        // A lower fromSlot reads the older blocks once.
        Assert.Equal(new WithdrawalLocation(10, 0, 1000), await builder.FindFinalWithdrawalAsync(7, fromSlot: 0, CancellationToken.None).Within());
        Assert.Equal(5, beacon.BlockReads.Count);
        Assert.Equal(new WithdrawalLocation(10, 0, 1000), await builder.FindFinalWithdrawalAsync(7, fromSlot: 0, CancellationToken.None).Within());
        Assert.Equal(5, beacon.BlockReads.Count);
    }

    [Fact]
    public async Task FindFinalWithdrawalAsync_Reorg_ForgetsTheOrphanedBlocksAndReadsTheNewBranch()
    {
        var beacon = new InMemoryBeacon();
        var b10 = beacon.AddBlock(10, Hash32.Zero);
        beacon.AddBlock(11, b10, 7);
        using var builder = new BeaconProofCallBuilder(beacon);
        Assert.Equal(new WithdrawalLocation(11, 0, 1000), await builder.FindFinalWithdrawalAsync(7, fromSlot: 10, CancellationToken.None).Within());

        var b12 = beacon.AddBlock(12, b10, 3, 7);
        Assert.Equal(new WithdrawalLocation(12, 1, 1001), await builder.FindFinalWithdrawalAsync(7, fromSlot: 10, CancellationToken.None).Within());
        beacon.AddBlock(13, b12);
        Assert.Null(await builder.FindFinalWithdrawalAsync(8, fromSlot: 10, CancellationToken.None).Within());
    }

    private static ProofCallRequest Request(ProofCallKind kind, ulong index) => new(kind, Megapool, (uint)index + 100, index);
}
