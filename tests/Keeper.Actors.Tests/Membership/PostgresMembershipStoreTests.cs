using Keeper.Actors.Membership;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Testing.Membership;
using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Membership;

/// <summary>
/// The membership contract on <see cref="SqlMembershipStore"/> over <see cref="PostgresClaimDatabase"/>, each test on a fresh
/// database of the shared server; every open is a separate store with its own data source (connection pool), as a
/// separate process would be.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMembershipStoreTests(PostgresFixture fixture) : MembershipStoreContractTests
{
    private readonly Dictionary<IMembershipStore, PostgresClaimDatabase> _stores = [];
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await fixture.Server.CreateUniqueDatabaseAsync("membership");
    }

    protected override async Task<IMembershipStore> OpenMembershipStoreAsync()
    {
        var store = await PostgresClaimDatabase.OpenAsync(new PostgresClaimDatabaseOptions(SqlStoreLocation.Postgres(_connectionString!)), TimeProvider.System, logger: null, CancellationToken.None);
        var membership = new SqlMembershipStore(store);
        lock (_stores)
        {
            _stores.Add(membership, store);
        }

        return membership;
    }

    protected override async ValueTask CloseMembershipStoreAsync(IMembershipStore store)
    {
        PostgresClaimDatabase owner;
        lock (_stores)
        {
            owner = _stores[store];
            _stores.Remove(store);
        }

        await owner.DisposeAsync();
    }
}
