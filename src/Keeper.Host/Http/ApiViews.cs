using System.Globalization;
using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Primitives;
using Keeper.Host.Node;

namespace Keeper.Host.Http;

/// <summary>Maps the actors' replies to the API's bodies: addresses and hashes as hex, wei as decimal strings.</summary>
public static class ApiViews
{
    /// <summary>The pools tracked and those with duties.</summary>
    public static PoolsView Pools(NodeStatus status, DutiesSnapshot duties) => new(
        status.Megapools,
        status.Minipools,
        status.LiveTrackers,
        duties.Duties
            .GroupBy(d => d.Duty.Target)
            .Select(g => new PoolSummary(
                g.Key.ToString(), PoolKind(g.First().Duty.Kind), g.Count(), g.Count(d => d.Due), g.Min(d => d.Duty.DueAt)))
            .OrderBy(p => p.NextDueAt)
            .ThenBy(p => p.Address, StringComparer.Ordinal)
            .ToArray());

    /// <summary>Every duty with its due time, and the gate's state of those it holds.</summary>
    public static DutiesView Duties(DutiesSnapshot duties, GateStatus gate)
    {
        var gateTasks = gate.Tasks.ToDictionary(t => t.TaskKey, StringComparer.Ordinal);
        var views = duties.Duties
            .OrderBy(d => d.Duty.DueAt)
            .ThenBy(d => d.Duty.Key, StringComparer.Ordinal)
            .Select(d => new DutyView(
                d.Duty.Key,
                d.Duty.Kind.ToString(),
                d.Duty.Target.ToString(),
                d.Duty.ValidatorId,
                d.Duty.DueAt,
                duties.ChainTime is { } now ? (long)d.Duty.DueAt - (long)now : null,
                d.Due,
                d.Duty.Deadline,
                d.Duty.Reward.ToString(CultureInfo.InvariantCulture),
                gateTasks.GetValueOrDefault(d.Duty.Key)?.State,
                duties.BlocksUntil(d.Duty),
                gateTasks.GetValueOrDefault(d.Duty.Key)?.Holder?.ToString()))
            .ToArray();
        return new DutiesView(duties.ChainTime, views.Count(v => v.Due), views.Count(v => !v.Due), views);
    }

    /// <summary>The submitter's transactions, newest first, and the count in every state.</summary>
    public static TransactionsView Transactions(SubmitterStatus submitter)
    {
        var byState = Enum.GetValues<TransactionState>().ToDictionary(s => s.ToString(), s => submitter.Transactions.Count(t => t.State == s));
        var views = submitter.Transactions
            .OrderByDescending(t => t.Nonce)
            .Select(t => new TransactionView(
                t.TaskKey,
                t.Nonce,
                t.Hash.ToString(),
                t.State.ToString(),
                t.MaxFeePerGas.ToString(CultureInfo.InvariantCulture),
                t.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture),
                t.Block,
                t.GasUsed,
                t.Replacements)
            {
                EffectiveGasPriceWei = t.EffectiveGasPrice?.ToString(CultureInfo.InvariantCulture),
                FeeWei = t.Fee?.ToString(CultureInfo.InvariantCulture),
                FeeEth = t.Fee is { } fee ? Ether.Format(fee) : null,
                SentAt = t.SentAt,
            })
            .ToArray();
        return new TransactionsView(submitter.Account.ToString(), submitter.NextNonce, byState, views);
    }

    /// <summary>The keeper members of the cluster, the gate's order of those taking turns, and whose turn the next due task is.</summary>
    public static MembersView Members(NodeStatus status, GateStatus gate, ClusterMembers cluster)
    {
        var order = gate.Members.Select((m, i) => (Address: m.ToString(), Position: i)).ToDictionary(m => m.Address, m => m.Position, StringComparer.OrdinalIgnoreCase);
        var members = cluster.Members
            .Select(m => new MemberView(
                m.Signer.ToString(),
                m.TakesTurns && order.TryGetValue(m.Signer.ToString(), out var position) ? position : null,
                string.Equals(m.Node.Address.ToString(), cluster.Self, StringComparison.Ordinal),
                m.NodeId,
                m.Display,
                m.Node.Address.ToString(),
                HeartbeatAge(cluster, m.Node.Address.ToString())))
            .OrderBy(m => m.Position ?? int.MaxValue)
            .ThenBy(m => m.Address, StringComparer.Ordinal)
            .ToArray();
        var next = gate.Tasks.Where(t => t.Holder is not null).OrderBy(t => t.DueAt).ThenBy(t => t.TaskKey, StringComparer.Ordinal).FirstOrDefault();
        return new MembersView(
            status.Address,
            cluster.Self,
            gate.StoreReachable,
            members,
            next is null ? null : new NextTurnView(next.TaskKey, next.DueAt, next.Holder!.Value.ToString(), string.Equals(next.Holder.Value.ToString(), status.Address, StringComparison.OrdinalIgnoreCase)));
    }

    private static double? HeartbeatAge(ClusterMembers cluster, string node) =>
        string.Equals(node, cluster.Self, StringComparison.Ordinal) ? 0
        : cluster.LastHeard.TryGetValue(node, out var heard) ? Math.Round(Math.Max(0, (cluster.At - heard).TotalSeconds), 1)
        : null;

    private static string PoolKind(DutyKind kind) => kind == DutyKind.DissolveMinipool ? "minipool" : "megapool";

    /// <summary>The own validators' deadlines and warnings.</summary>
    public static OwnView Own(OwnStatus own) => new(
        own.ChainTime,
        own.AtRisk,
        own.SecondsToNearest,
        own.Deadlines.Select(d => new OwnDeadlineItem(
            d.Deadline.Key, d.Deadline.Kind == OwnDeadlineKind.Stake ? "stake" : "notify-exit", d.Deadline.Megapool.ToString(), d.Deadline.ValidatorId,
            d.Deadline.At, d.WarnFrom, d.AtRisk, d.SecondsLeft)).ToArray());

    /// <summary>Every tracked megapool's operator credit, debt and refund value, the own first.</summary>
    public static OperatorsView Operators(OperatorAccountsView accounts) => new(
        accounts.Head,
        accounts.Accounts.Select(a => new OperatorView(
            a.Megapool.ToString(), a.Node?.ToString(), a.Own, Wei(a.Credit), Wei(a.Debt), Wei(a.Refund), a.Block, a.Problem)).ToArray());

    private static string? Wei(System.Numerics.BigInteger? wei) => wei?.ToString(CultureInfo.InvariantCulture);
}
