using Akka.Actor;
using Keeper.Actors.Tracking;
using Keeper.Chain.Watching;

namespace Keeper.Actors.Scheduling;

/// <summary>Adds or updates a duty in the <see cref="DeadlineScheduler"/>.</summary>
/// <param name="Duty">The duty.</param>
public sealed record ScheduleDuty(Duty Duty);

/// <summary>Removes a duty from the <see cref="DeadlineScheduler"/>.</summary>
/// <param name="Key">The task key.</param>
/// <param name="Reason">Why, for logs and subscribers.</param>
public sealed record CancelDuty(string Key, string Reason);

/// <summary>A new head: chain time moves to its timestamp plus one slot (the next block's timestamp).</summary>
/// <param name="Head">The head.</param>
public sealed record ChainHeadAdvanced(BlockRef Head);

/// <summary>Subscribes an actor to <see cref="DutyNotice"/>s (the submission gate).</summary>
/// <param name="Subscriber">The subscriber; it is unsubscribed when it stops.</param>
public sealed record SubscribeDuties(IActorRef Subscriber);

/// <summary>Asks the scheduler for every duty it holds; it replies with <see cref="DutiesSnapshot"/>.</summary>
public sealed record GetDuties
{
    /// <summary>The one instance.</summary>
    public static GetDuties Instance { get; } = new();
}

/// <summary>The duties a scheduler holds, earliest first, and the chain time it is at.</summary>
/// <param name="ChainTime">The next block's timestamp, or null before the first head.</param>
/// <param name="Duties">Each duty and whether it has been published as due.</param>
public sealed record DutiesSnapshot(ulong? ChainTime, IReadOnlyList<(Duty Duty, bool Due)> Duties)
{
    /// <summary>The chain's block interval in seconds, to tell a due time in blocks; 0 when unknown.</summary>
    public ulong SlotSeconds { get; init; }

    /// <summary>
    /// How many blocks from the head the first block is in which <paramref name="duty"/> is valid (1: the next block), or
    /// null before the first head or without <see cref="SlotSeconds"/>.
    /// </summary>
    public long? BlocksUntil(Duty duty)
    {
        ArgumentNullException.ThrowIfNull(duty);
        if (ChainTime is not { } next || SlotSeconds == 0)
        {
            return null;
        }

        return duty.DueAt <= next ? 1 : 1 + (long)((duty.DueAt - next + SlotSeconds - 1) / SlotSeconds);
    }
}
