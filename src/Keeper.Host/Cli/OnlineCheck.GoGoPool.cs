using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;

namespace Keeper.Host.Cli;

public sealed partial class OnlineCheck
{
    /// <summary>The account of keeper.gogopool.signer when it names its own keystore (opened by the caller); null otherwise.</summary>
    public Keeper.Chain.Primitives.Address? GoGoPoolSigner { get; init; }

    // keeper.gogopool: every endpoint on its own answers the configured chain id; through those that do, Storage resolves
    // MinipoolManager, RewardsPool and ProtocolDAO, and the account signing there holds something to pay gas with.
    private async Task CheckGoGoPoolAsync(CancellationToken cancellationToken)
    {
        var goGoPool = settings.GoGoPool;
        var answering = new List<Uri>();
        foreach (var endpoint in goGoPool.Rpc)
        {
            using var client = Client([endpoint]);
            var (answered, chainId) = await TryAsync(
                $"keeper.gogopool.rpc {SecretMask.Url(endpoint)}",
                async ct => await new EthApi(client).ChainIdAsync(ct),
                _ => string.Empty,
                "does not answer eth_chainId: check the URL and that the node serves the C-Chain's JSON-RPC (…/ext/bc/C/rpc)",
                cancellationToken,
                report: false);
            if (!answered)
            {
                continue;
            }

            if (chainId != goGoPool.ChainId)
            {
                Fail($"keeper.gogopool.rpc {SecretMask.Url(endpoint)}",
                    $"answers chain id {chainId}{Named(chainId)}, but keeper.gogopool.chain-id is {goGoPool.ChainId}{Named(goGoPool.ChainId)}: point it at that chain or correct the id");
                continue;
            }

            Ok($"keeper.gogopool.rpc {SecretMask.Url(endpoint)}", $"answers: chain id {chainId}{Named(chainId)}");
            answering.Add(endpoint);
        }

        if (answering.Count == 0)
        {
            return;
        }

        using var reads = Client(answering);
        var eth = new EthApi(reads);
        await TryAsync(
            $"keeper.gogopool.storage {goGoPool.Storage}",
            async ct => await new GoGoStorage(eth, goGoPool.Storage).ResolveAsync(new BatchCaller(eth), BlockTag.Latest, ct),
            deployment => $"resolves GoGoPool's contracts (RewardsPool {deployment.RewardsPool})",
            "does not resolve GoGoPool's contracts: set GoGoPool's Storage address of this network",
            cancellationToken);
        if ((goGoPool.OwnSigner ? GoGoPoolSigner : signer) is { } address)
        {
            var (read, wei) = await TryAsync(
                $"gogopool signer {address}", async ct => await eth.GetBalanceAsync(address, BlockTag.Latest, ct), _ => string.Empty, "balance could not be read", cancellationToken, report: false);
            if (read && wei.IsZero)
            {
                Fail($"gogopool signer {address}", $"has 0 AVAX on chain {goGoPool.ChainId}: fund it before the rewards cycle is due ({(goGoPool.OwnSigner ? "keeper.gogopool.signer" : "keeper.signer")} signs there)");
            }
            else if (read)
            {
                Ok($"gogopool signer {address}", $"balance {Ether(wei)} AVAX");
            }
        }
    }
}
