using Keeper.Actors.Cluster;
using Keeper.Actors.Persistence;

namespace Keeper.Actors.Tests.Cluster;

/// <summary>A store that answers while <see cref="Reachable"/> is true and fails as unavailable otherwise.</summary>
internal sealed class FakeStoreProbe : IStoreProbe
{
    private volatile bool _reachable = true;

    public bool Reachable
    {
        get => _reachable;
        set => _reachable = value;
    }

    public Task CheckAsync(CancellationToken cancellationToken) => _reachable
        ? Task.CompletedTask
        : Task.FromException(new StoreException(StoreErrorKind.Unavailable, "fake", "the fake store is cut off"));
}
