using Keeper.Host.Devnet.Postgres;
using Xunit;

namespace Keeper.Testing.Postgres;

/// <summary>
/// An xunit class or collection fixture owning one <see cref="PostgresServer"/> for the tests that share it; each test
/// (or test class) creates its own database on it. Tests that stop the server must start their own instead.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await PostgresServer.StartNewAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
