using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Postgres;

/// <summary>This assembly's definition of the shared-server collection (xunit needs it declared here).</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresTests : PostgresCollection;
