using Xunit;

namespace Keeper.Testing.Postgres;

/// <summary>
/// The collection of test classes that share one PostgreSQL server (starting one takes a second or two). xunit reads
/// collection definitions only from the test assembly itself, so each test project declares one line,
/// <c>[CollectionDefinition(PostgresCollection.Name)] public sealed class PostgresTests : PostgresCollection;</c>, and
/// its test classes carry <c>[Collection(PostgresCollection.Name)]</c> and take a <see cref="PostgresFixture"/>.
/// </summary>
public abstract class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}
