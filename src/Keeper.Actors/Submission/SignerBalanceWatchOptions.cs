using System.Numerics;
using Akka.Actor;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Submission;

/// <summary>What the <see cref="SignerBalanceWatch"/> watches and whom it tells.</summary>
/// <param name="Account">The signing account.</param>
/// <param name="FloorWei">Below this balance (wei) the node warns the operator to top it up.</param>
/// <param name="Scheduler">The deadline scheduler, whose chain time (one notice per head) drives the reads; null: only the read at start.</param>
/// <param name="Submitter">Receives every reading (<see cref="SignerBalance"/>), to refuse what the balance cannot pay; null: nobody.</param>
public sealed record SignerBalanceWatchOptions(Address Account, BigInteger FloorWei, IActorRef? Scheduler, IActorRef? Submitter)
{
    /// <summary>
    /// While the balance is at or above the floor, a head is read only when this many blocks have passed since the last
    /// read (a read costs a request, and a node's steady state should stay within a few per block); below the floor, at
    /// zero or unread, every head is read, so funding shows at once. Default 1: every head.
    /// </summary>
    public ulong OkEveryBlocks { get; init; } = 1;
}
