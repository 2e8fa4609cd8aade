using Keeper.Actors.Persistence;
using Keeper.Testing.Persistence;

namespace Keeper.Actors.Tests.Persistence;

/// <summary>The journal contract on <see cref="SqliteStore"/>, each test on a fresh temporary file.</summary>
public sealed class SqliteJournalTests : JournalContractTests
{
    private readonly TempStoreFolder _folder = new();

    protected override async Task<IJournal> OpenJournalAsync() =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions(_folder.StorePath), Clock, logger: null, CancellationToken.None);

    protected override ValueTask CloseJournalAsync(IJournal journal) => ((SqliteStore)journal).DisposeAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
