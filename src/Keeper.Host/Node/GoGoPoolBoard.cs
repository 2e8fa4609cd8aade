using Keeper.Actors.Gate;
using Keeper.Actors.GoGoPool;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;

namespace Keeper.Host.Node;

/// <summary>GoGoPool's parts as the <see cref="NodeStateBoard"/> last heard them.</summary>
/// <param name="Status">The registry: minipools, alerts, the rewards cycle.</param>
/// <param name="Watcher">The chain watcher's head.</param>
/// <param name="Duties">The chain's scheduler: the rewards-cycle duty.</param>
/// <param name="Gate">The chain's gate, or null before its first answer.</param>
/// <param name="Balance">The signing account's balance on the chain, or null before the first reading.</param>
public sealed record GoGoPoolBoard(GoGoPoolStatus Status, WatcherHead Watcher, DutiesSnapshot Duties, GateStatus? Gate, SignerBalance? Balance);
