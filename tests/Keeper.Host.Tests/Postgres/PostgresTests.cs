using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Host.Tests.Postgres;

/// <summary>This project's PostgreSQL collection: its test classes share one server.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresTests : PostgresCollection;
