using Keeper.Actors.Persistence;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;
using Keeper.Host.Node;

namespace Keeper.Host.GoGoPool;

/// <summary>The checks GoGoPool's chain must pass before the node's actors start.</summary>
public static class GoGoPoolStartup
{
    /// <summary>
    /// The RPC answers the configured chain id, Storage resolves MinipoolManager, RewardsPool and ProtocolDAO, and the store
    /// (already prepared and bound to the node's main chain) is bound to this chain too, or already was.
    /// </summary>
    /// <exception cref="SettingsException">The chain id or Storage is not GoGoPool's as configured; the message says which key to fix.</exception>
    /// <exception cref="StoreBindingException">The store was used with another GoGoPool chain or deployment.</exception>
    public static async Task<GoGoPoolPrepared> PrepareAsync(GoGoPoolChain chain, SqlStoreLocation store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var settings = chain.Settings;
        var chainId = await chain.Eth.ChainIdAsync(cancellationToken);
        if (chainId != settings.ChainId)
        {
            throw new SettingsException("keeper.gogopool.chain-id",
                $"is {settings.ChainId}, but keeper.gogopool.rpc ({string.Join(", ", settings.Rpc)}) answers chain id {chainId}. " +
                "Point keeper.gogopool.rpc at the chain you mean (C-Chain 43114, Fuji 43113) or correct keeper.gogopool.chain-id.");
        }

        GoGoPoolDeployment deployment;
        try
        {
            deployment = await new GoGoStorage(chain.Eth, settings.Storage).ResolveAsync(chain.Batch, BlockTag.Latest, cancellationToken);
        }
        catch (GoGoPoolBindingException e)
        {
            throw new SettingsException("keeper.gogopool.storage",
                $"{settings.Storage} on chain {chainId} does not resolve GoGoPool's contracts: {e.Message} Set GoGoPool's Storage address (C-Chain 0x1cEa17F9dE4De28FeB6A102988E12D4B90DfF1a9).", e);
        }

        var genesis = await chain.Eth.GetBlockAsync(BlockTag.Earliest, cancellationToken);
        // The chain's submitter journal and claims live in the node's store: a store of another GoGoPool chain is refused.
        await StoreBinding.EnsureAsync(store, new StoreBinding(chainId, genesis.Hash, settings.Storage) { Scope = StoreBindingScope.GoGoPool }, cancellationToken);
        return new GoGoPoolPrepared(chainId, genesis.Hash, deployment);
    }
}
