using Keeper.Actors.Membership;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Testing.Membership;
using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Membership;

/// <summary>
/// The membership contract on <see cref="SqlMembershipStore"/> over <see cref="PostgresStore"/>, each test on a fresh
/// database of the shared server; every open is a separate store with its own data source (connection pool), as a
/// separate process would be.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMembershipStoreTests(PostgresFixture fixture) : MembershipStoreContractTests
{
    private readonly Dictionary<IMembershipStore, PostgresStore> _stores = [];
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await fixture.Server.CreateUniqueDatabaseAsync("membership");
    }

    protected override async Task<IMembershipStore> OpenMembershipStoreAsync()
    {
        var store = await PostgresStore.OpenAsync(new PostgresStoreOptions(_connectionString!), TimeProvider.System, logger: null, CancellationToken.None);
        var membership = new SqlMembershipStore(store);
        lock (_stores)
        {
            _stores.Add(membership, store);
        }

        return membership;
    }

    protected override async ValueTask CloseMembershipStoreAsync(IMembershipStore store)
    {
        PostgresStore owner;
        lock (_stores)
        {
            owner = _stores[store];
            _stores.Remove(store);
        }

        await owner.DisposeAsync();
    }
}
