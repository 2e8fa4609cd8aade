using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Signing;

namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>
/// Moves the GoGoPool chain's clock while the keepers run: in jumps to shortly before the next mark of the plan (an
/// alert boundary, a control's action, the rewards cycle's first valid time), then a block at the block interval, so the
/// keepers can act in the first valid block and each boundary is passed by blocks the nodes see. It sends the controls'
/// actions when their time comes, and never jumps over the rewards cycle while it is not started.
/// </summary>
public sealed class GoGoPoolTimeDriver(GoGoPoolDevnet devnet, int blockSeconds, TextWriter progress)
{
    /// <summary>Drives until every mark is passed and the rewards cycle started (or 20 blocks after its time); returns the last block of the run.</summary>
    /// <exception cref="InvalidOperationException">A control's action was mined after its boundary, so the control would raise an alert.</exception>
    public async Task<ulong> DriveAsync(CancellationToken cancellationToken)
    {
        var chain = devnet.Chain;
        var interval = (ulong)blockSeconds;
        var due = devnet.RewardsCycle.DueAt;
        var marks = devnet.Plan.Marks.Append(due).Distinct().Order().ToArray();
        var actions = new Queue<GoGoPoolPlannedAction>(devnet.Plan.Actions);
        var owners = devnet.Owners;
        ulong? graceEnd = null;
        var lastJump = 0UL;
        var lastPrinted = 0UL;
        while (true)
        {
            var head = await chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
            while (actions.TryPeek(out var action) && action.At <= head.Timestamp)
            {
                actions.Dequeue();
                await ActAsync(action, owners, cancellationToken);
                head = await chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
            }

            var started = await devnet.RewardsCycleStartedAsync(cancellationToken);
            if (head.Number != lastPrinted)
            {
                progress.WriteLine($"gogopool block {head.Number} time {head.Timestamp}: {marks.Count(m => m <= head.Timestamp)}/{marks.Length} marks passed, rewards cycle {(started ? "started" : "not started")}");
                lastPrinted = head.Number;
            }

            if (head.Timestamp >= marks[^1] && actions.Count == 0 && (started || (graceEnd ??= head.Number + 20) <= head.Number))
            {
                // A few more blocks so the nodes read the last boundaries and a late duplicate is on chain too.
                await Task.Delay(TimeSpan.FromSeconds(blockSeconds * 3), cancellationToken);
                return await chain.Eth.BlockNumberAsync(cancellationToken);
            }

            var waiting = !started && due <= head.Timestamp + interval;
            var next = marks.Where(m => m > head.Timestamp + interval).DefaultIfEmpty().Min();
            if (next > 0 && next - head.Timestamp > 6 * interval && next - (3 * interval) != lastJump && !waiting)
            {
                var target = lastJump = next - (3 * interval);
                progress.WriteLine($"gogopool: jumping chain time to {target}, {3 * interval} s before the next mark");
                await chain.SetNextBlockTimestampAsync(target, cancellationToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(blockSeconds * 500), cancellationToken);
        }
    }

    private async Task ActAsync(GoGoPoolPlannedAction action, IReadOnlyList<PrivateKey> owners, CancellationToken cancellationToken)
    {
        var planned = devnet.Plan.Minipools.Single(m => m.NodeId == action.NodeId);
        var receipt = action.Withdraw
            ? await devnet.Harness.WithdrawAsync(owners[planned.OwnerIndex], action.NodeId, cancellationToken)
            : await devnet.Harness.RecordStatusAsync(action.NodeId, GoGoMinipoolStatus.Withdrawable, cancellationToken: cancellationToken);
        var mined = await devnet.Chain.Eth.GetBlockAsync(BlockTag.At(receipt.BlockNumber), cancellationToken);
        progress.WriteLine($"gogopool: {(action.Withdraw ? "withdrew" : "recorded the end of")} control minipool {action.NodeId} at {mined.Timestamp}");
        if (mined.Timestamp > action.Boundary)
        {
            throw new InvalidOperationException($"The devnet's action on control minipool {action.NodeId} was mined at {mined.Timestamp}, after its boundary {action.Boundary}: it would raise an alert.");
        }
    }
}
