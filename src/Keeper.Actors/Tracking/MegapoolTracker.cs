using Akka.Actor;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>Tracks one megapool's validators and their dissolve and exit-report deadlines.</summary>
public sealed class MegapoolTracker : PoolTracker
{
    private readonly TrackerOptions _options;
    private MegapoolTrackingState _state;
    private IReadOnlyList<(uint, byte[])> _exitCandidates = [];

    /// <summary>Creates the tracker.</summary>
    public MegapoolTracker(Address megapool, TrackerOptions options, TrackingSettings? settings)
        : base(megapool, options, settings)
    {
        _options = options;
        _state = MegapoolTrackingState.Empty(megapool);
        Start();
    }

    /// <summary>Props for a megapool tracker.</summary>
    public static Props Props(Address megapool, TrackerOptions options, TrackingSettings? settings) =>
        Akka.Actor.Props.Create(() => new MegapoolTracker(megapool, options, settings));

    /// <inheritdoc />
    protected override void ReceiveObservations()
    {
        Receive<ValidatorObserved>(m => Apply(_state.WithRead(m.ValidatorId, m.Info, m.Pubkey, m.Block)));
        Receive<ValidatorForgotten>(m => Apply(_state.Without(m.ValidatorId)));
        Receive<BeaconExitObserved>(m => Apply(_state.WithWithdrawableEpoch(m.ValidatorId, m.WithdrawableEpoch)));
    }

    /// <inheritdoc />
    protected override IEnumerable<Duty> CurrentDuties(TrackingSettings settings) => _state.Duties(settings);

    /// <inheritdoc />
    protected override object SnapshotState => _state;

    /// <inheritdoc />
    protected override bool RestoreState(object snapshot)
    {
        if (snapshot is not MegapoolTrackingState state)
        {
            return false;
        }

        _state = state;
        return true;
    }

    /// <inheritdoc />
    protected override void OnChanged()
    {
        if (_options.ExitWatcher is not { } watcher)
        {
            return;
        }

        var candidates = _state.ExitCandidates().ToArray();
        if (!candidates.Select(c => c.ValidatorId).SequenceEqual(_exitCandidates.Select(c => c.Item1)))
        {
            _exitCandidates = candidates;
            watcher.Tell(new ExitCandidatesChanged(Pool, candidates), Self);
        }
    }

    private void Apply(MegapoolTrackingState next)
    {
        if (!ReferenceEquals(next, _state))
        {
            _state = next;
            Changed();
        }
    }
}
