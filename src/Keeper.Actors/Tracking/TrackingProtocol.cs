using Akka.Actor;
using Keeper.Chain.Contracts.RocketPool;

namespace Keeper.Actors.Tracking;

/// <summary>The settings changed (or were read for the first time): trackers recompute their duties.</summary>
/// <param name="Settings">The new settings.</param>
public sealed record SettingsChanged(TrackingSettings Settings);

/// <summary>A megapool validator's record was read at a block.</summary>
/// <param name="ValidatorId">The megapool-local id.</param>
/// <param name="Info">The record.</param>
/// <param name="Pubkey">Its public key, when known from the manager's index.</param>
/// <param name="Block">The block read at.</param>
public sealed record ValidatorObserved(uint ValidatorId, ValidatorInfo Info, byte[]? Pubkey, ulong Block);

/// <summary>A validator existed only on a branch a reorg dropped.</summary>
/// <param name="ValidatorId">The megapool-local id.</param>
public sealed record ValidatorForgotten(uint ValidatorId);

/// <summary>What the beacon chain says of a validator's exit.</summary>
/// <param name="ValidatorId">The megapool-local id.</param>
/// <param name="WithdrawableEpoch">The withdrawable epoch, or null while no exit is under way.</param>
public sealed record BeaconExitObserved(uint ValidatorId, ulong? WithdrawableEpoch);

/// <summary>A legacy minipool's state was read at a block.</summary>
/// <param name="State">The state.</param>
/// <param name="Block">The block read at.</param>
public sealed record MinipoolObserved(MinipoolState State, ulong Block);

/// <summary>A minipool existed only on a branch a reorg dropped.</summary>
public sealed record MinipoolForgotten
{
    /// <summary>The one instance.</summary>
    public static MinipoolForgotten Instance { get; } = new();
}

/// <summary>Asks a tracker to write its snapshot now if it changed; it replies <see cref="SnapshotSaved"/>.</summary>
public sealed record SaveSnapshot
{
    /// <summary>The one instance.</summary>
    public static SaveSnapshot Instance { get; } = new();
}

/// <summary>The reply to <see cref="SaveSnapshot"/>.</summary>
public sealed record SnapshotSaved
{
    /// <summary>The one instance.</summary>
    public static SnapshotSaved Instance { get; } = new();
}

/// <summary>A tracker with nothing pending asks its parent to be passivated.</summary>
/// <param name="Tracker">The tracker.</param>
public sealed record PassivationRequested(IActorRef Tracker);

/// <summary>A tracker could not save its snapshot and stays alive: the parent delivers the messages it held for it.</summary>
/// <param name="Tracker">The tracker.</param>
public sealed record PassivationCancelled(IActorRef Tracker);

/// <summary>The parent tells a tracker to passivate: save its snapshot and stop (messages after this are buffered by the parent).</summary>
public sealed record Passivate
{
    /// <summary>The one instance.</summary>
    public static Passivate Instance { get; } = new();
}

/// <summary>A megapool tracker's set of validators to ask the beacon chain about changed.</summary>
/// <param name="Megapool">The megapool.</param>
/// <param name="Candidates">Staked validators not yet reported exiting, with their public keys.</param>
public sealed record ExitCandidatesChanged(Keeper.Chain.Primitives.Address Megapool, IReadOnlyList<(uint ValidatorId, byte[] Pubkey)> Candidates);
