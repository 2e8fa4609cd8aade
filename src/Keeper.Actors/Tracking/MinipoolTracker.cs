using Akka.Actor;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>Tracks one legacy minipool and its launch-timeout deadline.</summary>
public sealed class MinipoolTracker : PoolTracker
{
    private MinipoolTrackingState? _state;

    /// <summary>Creates the tracker.</summary>
    public MinipoolTracker(Address minipool, TrackerOptions options, TrackingSettings? settings)
        : base(minipool, options, settings)
    {
        Start();
    }

    /// <summary>Props for a minipool tracker.</summary>
    public static Props Props(Address minipool, TrackerOptions options, TrackingSettings? settings) =>
        Akka.Actor.Props.Create(() => new MinipoolTracker(minipool, options, settings));

    /// <inheritdoc />
    protected override void ReceiveObservations()
    {
        Receive<MinipoolObserved>(Apply);
        Receive<MinipoolForgotten>(_ => Forget());
    }

    /// <inheritdoc />
    protected override IEnumerable<Duty> CurrentDuties(TrackingSettings settings) =>
        _state?.Duty(settings) is { } duty ? [duty] : [];

    /// <inheritdoc />
    protected override object? SnapshotState => _state;

    /// <inheritdoc />
    protected override bool RestoreState(object snapshot)
    {
        if (snapshot is not MinipoolTrackingState state)
        {
            return false;
        }

        _state = state;
        return true;
    }

    private void Forget()
    {
        _state = null;
        Changed();
    }

    private void Apply(MinipoolObserved m)
    {
        var next = new MinipoolTrackingState(m.State, m.Block);
        if (next != _state)
        {
            _state = next;
            Changed();
        }
    }
}
