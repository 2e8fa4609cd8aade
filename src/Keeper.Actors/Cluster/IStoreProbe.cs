namespace Keeper.Actors.Cluster;

/// <summary>A cheap question to the shared store, to learn whether this node can reach it (the gate's fence lives there).</summary>
public interface IStoreProbe
{
    /// <summary>Completes when the store answered; throws <see cref="Persistence.StoreException"/> when it could not be reached.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
