using Keeper.Actors.Persistence;
using Keeper.Chain.Primitives;
using Keeper.Testing.Postgres;
using Npgsql;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>The store binding on a fresh database of the shared PostgreSQL test server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreBindingTests(PostgresFixture fixture) : StoreBindingContractTests
{
    private const string Password = "s3cret-Passw0rd";

    [Fact]
    public async Task EnsureAsync_AnotherChain_MessageNamesHostAndDatabaseButNotThePassword()
    {
        await StoreBinding.EnsureAsync(Store, Mainnet, CancellationToken.None);
        var builder = new NpgsqlConnectionStringBuilder(Store.ConnectionString);

        var error = await Assert.ThrowsAsync<StoreBindingException>(() =>
            StoreBinding.EnsureAsync(Store, Mainnet with { RocketStorage = Address.Zero }, CancellationToken.None));

        Assert.Contains($"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("keeper.store.connection-string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, Store.ToString(), StringComparison.Ordinal);
    }

    /// <summary>With a password in the connection string (the test server trusts loopback and ignores it).</summary>
    protected override async Task<SqlStoreLocation> CreateStoreAsync() =>
        SqlStoreLocation.Postgres(new NpgsqlConnectionStringBuilder(await fixture.Server.CreateUniqueDatabaseAsync("binding")) { Password = Password }.ConnectionString);
}
