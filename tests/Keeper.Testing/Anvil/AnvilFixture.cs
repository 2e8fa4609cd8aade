using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Testing.Anvil;

/// <summary>
/// An xunit class or collection fixture owning one anvil node (automine) for the tests that share it.
/// Tests that change chain time or reorg the chain should start their own <see cref="AnvilNode"/>.
/// </summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    private AnvilNode? _node;

    /// <summary>The running node.</summary>
    public AnvilNode Node => _node ?? throw new InvalidOperationException("The anvil fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
