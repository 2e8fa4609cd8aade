using Keeper.Actors.Membership;
using Keeper.Actors.Persistence;
using Keeper.Actors.Tests.Persistence;
using Keeper.Testing.Membership;

namespace Keeper.Actors.Tests.Membership;

/// <summary>The membership contract on <see cref="SqlMembershipStore"/> over <see cref="SqliteClaimDatabase"/>, each test on a fresh file.</summary>
public sealed class SqliteMembershipStoreTests : MembershipStoreContractTests
{
    private readonly TempStoreFolder _folder = new();
    private readonly Dictionary<IMembershipStore, SqliteClaimDatabase> _stores = [];

    protected override async Task<IMembershipStore> OpenMembershipStoreAsync()
    {
        var store = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(_folder.StorePath)), TimeProvider.System, logger: null, CancellationToken.None);
        var membership = new SqlMembershipStore(store);
        lock (_stores)
        {
            _stores.Add(membership, store);
        }

        return membership;
    }

    protected override async ValueTask CloseMembershipStoreAsync(IMembershipStore store)
    {
        SqliteClaimDatabase owner;
        lock (_stores)
        {
            owner = _stores[store];
            _stores.Remove(store);
        }

        await owner.DisposeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
