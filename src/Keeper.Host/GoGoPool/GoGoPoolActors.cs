using Akka.Actor;
using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.GoGoPool;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Watching.GoGoPool;
using Keeper.Host.Node;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Host.GoGoPool;

/// <summary>
/// GoGoPool's actors, beside Rocket Pool's in the same actor system: its own watcher, registry (one tracker per minipool),
/// scheduler, gate and submitter, since its chain has its own heads, time and nonces. The gate takes turns over the same
/// members as Rocket Pool's (the cluster membership tells both) and claims in the same store; the task keys of the two
/// protocols never meet (<c>start-rewards-cycle:gogopool:…</c>).
/// </summary>
/// <param name="Gate">The chain's gate.</param>
/// <param name="Submitter">The chain's deferred submitter.</param>
/// <param name="Parts">The actors the node's state board asks.</param>
internal sealed record GoGoPoolActors(IActorRef Gate, IActorRef Submitter, IReadOnlyDictionary<NodePart, IActorRef> Parts)
{
    /// <summary>Creates the actors in dependency order; the cluster membership is created after them and told of <see cref="Gate"/> and <see cref="Submitter"/>.</summary>
    public static GoGoPoolActors Start(
        ActorSystem system, KeeperSettings settings, GoGoPoolChain chain, GoGoPoolPrepared prepared, Address memberAddress, string memberId, IClaimStore claims,
        TimeProvider timeProvider, ILoggerFactory loggerFactory, Func<Props, Props> supervise)
    {
        var gg = chain.Settings;
        var scheduler = system.ActorOf(DeadlineScheduler.Props((ulong)gg.Slot.TotalSeconds), "gogopool-scheduler");
        var registry = system.ActorOf(GoGoPoolRegistry.Props(new GoGoPoolRegistryOptions(scheduler, new GoGoAlertOptions(gg.WithdrawGrace, gg.Owners.ToHashSet()))), "gogopool-registry");
        var allowList = new GoGoPoolAllowList(prepared.Deployment.RewardsPool);
        var feed = system.ActorOf(GoGoPoolAllowListFeed.Props(allowList, registry), "gogopool-allow-list-feed");
        var submitterOptions = new SubmitterOptions(prepared.ChainId)
        {
            // Enabling keeper.gogopool opts into its one action, which pays no reward.
            ActWithoutReward = true,
            Confirmations = gg.Confirmations,
            BumpAfterBlocks = settings.Fees.BumpAfterBlocks,
            Slot = gg.Slot,
            JournalScope = prepared.JournalScope,
        };
        var simulator = new EthCallSimulator(chain.Eth);
        var guard = new ClaimResendGuard(settings.Gate.Enabled ? claims : null, memberId, simulator, timeProvider);
        var submitter = system.ActorOf(DeferredSubmitter.Props(
            supervise(Keeper.Actors.Submission.Submitter.Props(submitterOptions, new SubmitterDependencies(chain.Key, chain.Eth, chain.Fees, allowList) { ResendGuard = guard })),
            chain.Key.Address), "gogopool-submitter");
        var balance = system.ActorOf(SignerBalanceWatch.Props(
            new SignerBalanceWatchOptions(chain.Key.Address, settings.Signer.BalanceFloorWei, scheduler, submitter) { OkEveryBlocks = 8 },
            (block, ct) => chain.Eth.GetBalanceAsync(chain.Key.Address, block is { } number ? BlockTag.At(number) : BlockTag.Latest, ct)), "gogopool-signer-balance");
        // The gate's place in the round-robin is the member's (its Rocket Pool signing address, carried in its roles),
        // whichever key signs on this chain.
        var gate = system.ActorOf(SubmissionGate.Props(new SubmissionGateOptions(
            memberAddress, memberId, (ulong)gg.GateWindow.TotalSeconds, claims, simulator, submitter, settings.Gate.Enabled, WaitForMembership: true)), "gogopool-gate");
        scheduler.Tell(new SubscribeDuties(gate));
        var watcherOptions = new GoGoPoolWatcherOptions
        {
            SettingsRefreshBlocks = Math.Max(1, (ulong)Math.Ceiling(gg.SettingsRefresh / gg.Slot)),
            Follower = new ChainFollowerOptions { HistoryDepth = gg.HistoryDepth },
            Logs = new LogFetcherOptions { MaxBlocksPerRequest = gg.LogRange },
        };
        var watcher = system.ActorOf(GoGoPoolWatcherActor.Props(
            () => new GoGoPoolWatcher(chain.Eth, chain.Batch, prepared.Deployment, watcherOptions, loggerFactory), feed,
            new GoGoPoolWatcherActorOptions(gg.PollInterval, gg.Slot)), "gogopool-watcher");
        return new GoGoPoolActors(gate, submitter, new Dictionary<NodePart, IActorRef>
        {
            [NodePart.GoGoPoolWatcher] = watcher,
            [NodePart.GoGoPool] = registry,
            [NodePart.GoGoPoolScheduler] = scheduler,
            [NodePart.GoGoPoolGate] = gate,
            [NodePart.GoGoPoolBalance] = balance,
        });
    }
}
