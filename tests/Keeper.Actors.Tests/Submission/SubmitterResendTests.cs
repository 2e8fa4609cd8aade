using Keeper.Actors.Submission;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

/// <summary>
/// Re-sends after a restart or a reorg: a journaled action goes out again only when the resend guard says it is still
/// this keeper's; otherwise its nonce is filled by a zero-value self-transfer, never by the stale call.
/// </summary>
public sealed class SubmitterResendTests : SubmitterTestBase
{
    private readonly ScriptedGuard _guard = new();

    public SubmitterResendTests() => ResendGuard = _guard;

    [Fact]
    public async Task Restart_AfterJournalCreatedAndTheClaimPassedOn_SelfTransferFillsTheNonceNeverTheCall()
    {
        var crashes = 1;
        var submitter = StartSubmitter(Options() with { FaultPoint = point => CrashAt(point, Submitter.AfterJournalCreated, ref crashes) });
        _guard.Next = ResendVerdict.Cancel("the task's claim passed to keeper-b (window 1)");

        Gate.Send(submitter, Action());
        await SettledAsync(submitter);
        Gate.Send(submitter, new SubscribeOutcomes(Gate.Ref));
        await Gate.ExpectMsgAsync<ResumedActions>();
        await MineAsync(submitter);
        var cancelled = await Gate.ExpectMsgAsync<ActionCancelled>();

        var only = Assert.Single(Chain.Accepted);
        Assert.Equal((0UL, Key.Address, 0), (only.Nonce, only.To!.Value, only.Data.Length));
        Assert.Equal(only.Hash, cancelled.Hash);
        Assert.Equal([TaskKey()], _guard.Asked);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("passed to keeper-b", StringComparison.Ordinal));
        Assert.Equal(1UL, (await StatusAsync(submitter)).NextNonce);
    }

    [Fact]
    public async Task Restart_GuardCannotTell_NothingSentUntilItSaysSendThenTheSameBytes()
    {
        var crashes = 1;
        var submitter = StartSubmitter(Options() with { FaultPoint = point => CrashAt(point, Submitter.AfterJournalCreated, ref crashes) });
        _guard.Next = ResendVerdict.Unknown("the claim store did not answer");

        Gate.Send(submitter, Action());
        await SettledAsync(submitter);
        Assert.Empty(Chain.Accepted);
        _guard.Next = ResendVerdict.Send;
        await HeadAsync(submitter);

        var created = Assert.IsType<TransactionCreated>((await JournalAsync())[0]);
        Assert.Equal(created.Version.Hash, Assert.Single(Chain.Accepted).Hash);
        Assert.Equal([TaskKey(), TaskKey()], _guard.Asked);
    }

    [Fact]
    public async Task Reorg_UndoesAConfirmedActionWhoseTaskPassedOn_SelfTransferNotARebroadcast()
    {
        var submitter = StartSubmitter();
        var sent = await SubmitAsync(submitter);
        await MineAsync(submitter);
        await Gate.ExpectMsgAsync<ActionMined>();
        _guard.Next = ResendVerdict.Cancel("the call would revert now: done by another");

        Chain.ReorgTo(0);
        await MineAsync(submitter);
        await MineAsync(submitter);
        var cancelled = await Gate.ExpectMsgAsync<ActionCancelled>();

        Assert.Equal(2, Chain.Accepted.Count);
        var replacement = Chain.Accepted[1];
        Assert.NotEqual(sent.Hash, replacement.Hash);
        Assert.Equal((0UL, Key.Address, 0), (replacement.Nonce, replacement.To!.Value, replacement.Data.Length));
        Assert.Equal(replacement.Hash, cancelled.Hash);
        Assert.Contains(await JournalAsync(), e => e is TransactionReplaced { Nonce: 0, Version.IsCancellation: true });
    }

    [Fact]
    public async Task Reorg_UndoesAConfirmedActionStillOurs_SameBytesAgain()
    {
        var submitter = StartSubmitter();
        var sent = await SubmitAsync(submitter);
        await MineAsync(submitter);
        await Gate.ExpectMsgAsync<ActionMined>();
        _guard.Next = ResendVerdict.Send;

        Chain.ReorgTo(0);
        await MineAsync(submitter);
        await MineAsync(submitter);
        var again = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal([sent.Hash, sent.Hash], Chain.Accepted.Select(t => t.Hash));
        Assert.Equal(sent.Hash, again.Hash);
        Assert.Equal([TaskKey()], _guard.Asked);
    }

    // A guard whose answer the test sets; it records what it was asked.
    private sealed class ScriptedGuard : IResendGuard
    {
        private readonly List<string> _asked = [];

        public ResendVerdict Next { get; set; } = ResendVerdict.Send;

        public IReadOnlyList<string> Asked
        {
            get
            {
                lock (_asked)
                {
                    return [.. _asked];
                }
            }
        }

        public Task<ResendVerdict> CheckAsync(string taskKey, ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken)
        {
            lock (_asked)
            {
                _asked.Add(taskKey);
            }

            return Task.FromResult(Next);
        }
    }
}
