using Keeper.Actors.Persistence;
using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>The persistence contract on a fresh database of the shared PostgreSQL test server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistenceTests : SqlPersistenceContractTests
{
    private readonly PostgresFixture _fixture;
    private readonly string _database;

    public PostgresPersistenceTests(PostgresFixture fixture)
        : this(fixture, $"akka_{Guid.NewGuid():N}")
    {
    }

    private PostgresPersistenceTests(PostgresFixture fixture, string database)
        : base(SqlStoreLocation.Postgres(fixture.Server.ConnectionString(database)), nameof(PostgresPersistenceTests))
    {
        _fixture = fixture;
        _database = database;
    }

    // The test kit's system already holds the connection string; its journal starts with the first persistent actor.
    public override Task InitializeAsync() => _fixture.Server.CreateDatabaseAsync(_database);
}
