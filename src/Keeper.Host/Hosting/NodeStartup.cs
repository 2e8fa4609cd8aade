using Keeper.Chain.Beacon;
using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Host.GoGoPool;
using Keeper.Host.Node;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

/// <summary>
/// The step that runs before the host starts its actor system (<see cref="KeeperHost.PrepareAsync"/>): it runs
/// <see cref="KeeperNode.PrepareAsync"/> on the host's chain services and keeps the result, which the host registers as
/// the <see cref="PreparedNode"/> singleton. It owns the stores opened there and closes them when the host is disposed,
/// after the actor system has stopped.
/// </summary>
/// <param name="settings">The node's settings.</param>
/// <param name="key">The signing key.</param>
/// <param name="eth">The Ethereum API.</param>
/// <param name="batch">The batch reader.</param>
/// <param name="wait">Waits for the execution client to answer.</param>
/// <param name="timeProvider">The clock.</param>
/// <param name="loggerFactory">The logger factory.</param>
/// <param name="beacon">The beacon node's client, or null when none is configured.</param>
/// <param name="goGoPool">GoGoPool's chain (keeper.gogopool), or null when it is off.</param>
public sealed class NodeStartup(
    KeeperSettings settings, PrivateKey key, EthApi eth, BatchCaller batch, ChainWait wait, TimeProvider timeProvider, ILoggerFactory loggerFactory, BeaconClient? beacon = null,
    GoGoPoolChain? goGoPool = null) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _resources = [];
    private PreparedNode? _prepared;

    /// <summary>The result of <see cref="PrepareAsync"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="PrepareAsync"/> has not completed.</exception>
    public PreparedNode Prepared => _prepared
        ?? throw new InvalidOperationException("The node was not prepared: call KeeperHost.PrepareAsync before starting the host, so the chain and store checks run before the actor system.");

    /// <summary>
    /// Why the node is not ready yet while it prepares: waiting for the execution client (with the last failure), or
    /// checking the chain and the store; null once prepared.
    /// </summary>
    public string? NotReadyReason => _prepared is not null ? null : wait.NotReadyReason ?? "starting: checking the chain, the contracts and the store";

    /// <summary>
    /// Checks the chain and the store and opens what the actors need, waiting (<see cref="ChainWait"/>) while the
    /// execution client does not answer, at the first call or any later one; throws, naming the problem, when something
    /// else is wrong.
    /// </summary>
    /// <exception cref="InvalidOperationException">It already ran.</exception>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_prepared is not null)
        {
            throw new InvalidOperationException("The node is already prepared.");
        }

        _prepared = await wait.UntilAnswersAsync(PrepareOnceAsync, prepared => prepared.ChainId, cancellationToken);
    }

    // One try: the chain id, then RocketStorage, genesis, the store and the beacon node. A transport failure part-way
    // (the client answered eth_chainId, then dropped) closes what this try opened, so the next try starts clean.
    private async Task<PreparedNode> PrepareOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var chainId = await eth.ChainIdAsync(cancellationToken);
            var prepared = await KeeperNode.PrepareAsync(settings, key, chainId, eth, batch, beacon, timeProvider, loggerFactory, _resources, cancellationToken);
            return goGoPool is null ? prepared : prepared with { GoGoPool = await GoGoPoolStartup.PrepareAsync(goGoPool, settings.Store.Location, cancellationToken) };
        }
        catch (JsonRpcTransportException)
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync();
        }

        _resources.Clear();
    }
}
