using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Actors.Tests.Persistence;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Actors.Tests.Gate;

/// <summary>The resend guard on a real SQLite claim store: a journaled action goes out again only while it is still this member's.</summary>
public sealed class ClaimResendGuardTests : IAsyncLifetime
{
    private const string Task1 = "dissolve:megapool:0x00000000000000000000000000000000000000a1:7";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Address Self = Address.Parse("0x0000000000000000000000000000000000000001");
    private static readonly ContractCall Call = Megapool.DissolveValidator(Address.Parse("0x00000000000000000000000000000000000000a1"), 7);
    private static readonly Hash32 Tx = new(Enumerable.Repeat((byte)0xab, Hash32.Size).ToArray());

    private readonly TempStoreFolder _folder = new();
    private readonly RevertingSimulator _simulator = new();
    private SqliteClaimDatabase _store = null!;
    private SqlClaimStore _claims = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(_folder.StorePath)), TimeProvider.System, logger: null, CancellationToken.None);
        _claims = new SqlClaimStore(_store);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task CheckAsync_OwnOpenClaimAndCallSucceeds_Send()
    {
        await ClaimAsync("keeper-a", 0);

        var verdict = await Guard("keeper-a").CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);

        Assert.Equal(ResendVerdictKind.Send, verdict.Kind);
    }

    [Fact]
    public async Task CheckAsync_ClaimAbandonedWhileDownAndTakenOver_CancelNamingTheNewHolder()
    {
        var stale = await ClaimAsync("keeper-a", 0);
        Assert.True(await _claims.AbandonStaleAsync(stale, T0.AddSeconds(30), CancellationToken.None));
        await ClaimAsync("keeper-b", 1);

        var verdict = await Guard("keeper-a").CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);

        Assert.Equal(ResendVerdictKind.Cancel, verdict.Kind);
        Assert.Contains("keeper-b", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ClaimAbandonedAndNobodyElseHoldsIt_Cancel()
    {
        var stale = await ClaimAsync("keeper-a", 0);
        await _claims.AbandonStaleAsync(stale, T0.AddSeconds(30), CancellationToken.None);

        var verdict = await Guard("keeper-a").CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);

        Assert.Equal(ResendVerdictKind.Cancel, verdict.Kind);
        Assert.Contains("abandoned", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_OwnClaimMinedThenReorgedAway_ReopenedAndSend()
    {
        await ClaimAsync("keeper-a", 0);
        await _claims.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx, null, T0.AddSeconds(12), CancellationToken.None);

        var verdict = await Guard("keeper-a").CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);

        Assert.Equal(ResendVerdictKind.Send, verdict.Kind);
        var claim = Assert.Single(await _claims.GetPendingAsync(CancellationToken.None));
        Assert.Equal(("keeper-a", 0L, Tx), (claim.MemberId, claim.Window, claim.TxHash));
    }

    [Fact]
    public async Task CheckAsync_OwnFencedClaimReorgedAwayWhileAnotherMemberIsRefused_ReopenedAndSendTheOtherStaysOut()
    {
        await ClaimAsync("keeper-a", 0);
        await _claims.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx, 64, T0.AddSeconds(12), CancellationToken.None);
        var other = new Claim(Task1, 1, "keeper-b", null, ClaimState.Pending, T0.AddSeconds(24), T0.AddSeconds(24));
        var refused = await _claims.TryClaimAsync(other, head: 5, CancellationToken.None);

        var verdict = await Guard("keeper-a").CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);
        var afterReopen = await _claims.TryClaimAsync(other, head: 65, CancellationToken.None);

        Assert.Equal(ClaimOutcome.ReorgFenced, refused.Outcome);
        Assert.Equal(ResendVerdictKind.Send, verdict.Kind);
        Assert.Equal(ClaimOutcome.PendingElsewhere, afterReopen.Outcome);
        var claim = Assert.Single(await _claims.GetPendingAsync(CancellationToken.None));
        Assert.Equal(("keeper-a", 0L, Tx, (ulong?)null), (claim.MemberId, claim.Window, claim.TxHash, claim.FenceUntil));
    }

    [Fact]
    public async Task CheckAsync_CallWouldRevert_CancelWithoutTouchingTheClaims()
    {
        await ClaimAsync("keeper-a", 0);
        _simulator.Revert = "Validator not in prestake";

        var verdict = await Guard("keeper-a").CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);

        Assert.Equal(ResendVerdictKind.Cancel, verdict.Kind);
        Assert.Contains("Validator not in prestake", verdict.Reason, StringComparison.Ordinal);
        Assert.Single(await _claims.GetPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_GateOff_OnlyTheSimulationDecides()
    {
        var guard = new ClaimResendGuard(null, "keeper-a", _simulator, TimeProvider.System);

        var send = await guard.CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);
        _simulator.Revert = "done";
        var cancel = await guard.CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);

        Assert.Equal((ResendVerdictKind.Send, ResendVerdictKind.Cancel), (send.Kind, cancel.Kind));
    }

    [Fact]
    public async Task CheckAsync_StoreUnreachableOrSimulationFails_UnknownNothingSent()
    {
        await ClaimAsync("keeper-a", 0);
        await BreakTheClaimTableAsync();
        var closed = await Guard("keeper-a").CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);
        _simulator.Failure = new InvalidOperationException("node away");
        var noNode = await Guard("keeper-a").CheckAsync(Task1, Call, Self, 1_000, CancellationToken.None);

        Assert.Equal((ResendVerdictKind.Unknown, ResendVerdictKind.Unknown), (closed.Kind, noNode.Kind));
        Assert.Contains("node away", noNode.Reason, StringComparison.Ordinal);
    }

    // The store answers with an error on every claim read from here on, as a broken or unreachable database would.
    private async Task BreakTheClaimTableAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.StorePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "ALTER TABLE claim RENAME TO claim_gone";
        await command.ExecuteNonQueryAsync();
    }

    private ClaimResendGuard Guard(string member) => new(_claims, member, _simulator, TimeProvider.System);

    private async Task<Claim> ClaimAsync(string member, long window)
    {
        var claim = new Claim(Task1, window, member, null, ClaimState.Pending, T0.AddSeconds(window * 12), T0.AddSeconds(window * 12));
        Assert.True((await _claims.TryClaimAsync(claim, head: 0, CancellationToken.None)).IsClaimed);
        return claim;
    }

    private sealed class RevertingSimulator : ICallSimulator
    {
        public string? Revert { get; set; }

        public Exception? Failure { get; set; }

        public Task<string?> SimulateAsync(ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken) =>
            Failure is null ? Task.FromResult(Revert) : Task.FromException<string?>(Failure);
    }
}
