using Keeper.Actors.Persistence;
using Keeper.Testing.Persistence;

namespace Keeper.Actors.Tests.Persistence;

/// <summary>The snapshot store contract on <see cref="SqliteStore"/>, each test on a fresh temporary file.</summary>
public sealed class SqliteSnapshotStoreTests : SnapshotStoreContractTests
{
    private readonly TempStoreFolder _folder = new();

    protected override async Task<ISnapshotStore> OpenSnapshotStoreAsync() =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions(_folder.StorePath), Clock, logger: null, CancellationToken.None);

    protected override ValueTask CloseSnapshotStoreAsync(ISnapshotStore store) => ((SqliteStore)store).DisposeAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
