using Keeper.Chain.Beacon;
using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Rpc;
using Keeper.Host.Node;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

/// <summary>Registers a node's view of the chain: the JSON-RPC client with endpoint failover, the Ethereum API, the batch reader, the fee oracle and the beacon node.</summary>
public static class KeeperChainExtensions
{
    /// <summary>
    /// Registers the settings, the clock (the system clock unless one is registered), <see cref="FailoverClient"/> (Nethereum RPC clients behind failover and hedging),
    /// <see cref="EthApi"/>, <see cref="BatchCaller"/>, <see cref="FeeOracle"/> and, when <c>keeper.beacon.endpoints</c>
    /// lists any, <see cref="BeaconClient"/>. Nothing is contacted here; the container disposes the clients.
    /// </summary>
    public static IServiceCollection AddKeeperChain(this IServiceCollection services, KeeperSettings settings)
    {
        services.TryAddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new FailoverClient(
            new FailoverClientOptions
            {
                Endpoints = settings.Chain.Rpc,
                RequestTimeout = settings.Chain.RpcTimeout,
                HedgeDelay = settings.Chain.RpcHedgeDelay,
                MaxAttempts = settings.Chain.RpcAttempts,
            },
            null, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FailoverClient>>(), sp.GetService<IRpcObserver>()));
        services.AddSingleton(sp => new EthApi(sp.GetRequiredService<FailoverClient>()));
        services.AddSingleton<ChainWait>();
        services.AddSingleton(sp => new BatchCaller(sp.GetRequiredService<EthApi>(), new BatchCallerOptions { Multicall3 = settings.Chain.Multicall3, MaxBatchesInFlight = settings.Chain.ReadsInFlight }));
        services.AddSingleton(sp => new FeeOracle(sp.GetRequiredService<EthApi>(), new FeeOracleOptions
        {
            BlockCount = settings.Fees.HistoryBlocks,
            RewardPercentile = settings.Fees.RewardPercentile,
            MinPriorityFeePerGas = settings.Fees.MinPriorityFeePerGas,
            MaxFeePerGasCap = settings.Fees.MaxFeePerGas,
        }));
        if (settings.Beacon.Endpoints.Count > 0)
        {
            services.AddSingleton(sp => new BeaconClient(
                new BeaconClientOptions
                {
                    Endpoints = settings.Beacon.Endpoints,
                    MaxSszResponseBytes = settings.Beacon.SszMaxBytes,
                    SszRequestTimeout = settings.Beacon.SszRequestTimeout,
                },
                null, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BeaconClient>>()));
        }

        return services;
    }
}
