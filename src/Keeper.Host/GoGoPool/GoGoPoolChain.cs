using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Host.Node;
using Microsoft.Extensions.Logging;

namespace Keeper.Host.GoGoPool;

/// <summary>
/// The node's view of GoGoPool's chain (keeper.gogopool), beside its Rocket Pool chain: its own JSON-RPC client with
/// endpoint failover (keeper.chain's timeout, hedge and attempts), reads, fees under its own cap, and the key that signs
/// there. Nothing is contacted here.
/// </summary>
public sealed class GoGoPoolChain : IDisposable
{
    private readonly bool _ownsKey;

    /// <summary>Creates the clients; <paramref name="key"/> is the node's own unless keeper.gogopool.signer names a keystore.</summary>
    /// <param name="settings">The node's settings; keeper.gogopool must be enabled.</param>
    /// <param name="key">The key that signs on this chain.</param>
    /// <param name="ownsKey">True when this chain's key is its own (disposed with it).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <param name="observer">Told of every RPC attempt (metrics), or null.</param>
    public GoGoPoolChain(KeeperSettings settings, PrivateKey key, bool ownsKey, TimeProvider timeProvider, ILoggerFactory loggerFactory, IRpcObserver? observer)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.GoGoPool;
        Key = key;
        _ownsKey = ownsKey;
        Rpc = new FailoverClient(
            new FailoverClientOptions
            {
                Endpoints = Settings.Rpc,
                RequestTimeout = settings.Chain.RpcTimeout,
                HedgeDelay = settings.Chain.RpcHedgeDelay,
                MaxAttempts = settings.Chain.RpcAttempts,
            },
            null, timeProvider, loggerFactory.CreateLogger<FailoverClient>(), observer);
        Eth = new EthApi(Rpc);
        Batch = new BatchCaller(Eth, new BatchCallerOptions { MaxBatchesInFlight = settings.Chain.ReadsInFlight });
        Fees = new FeeOracle(Eth, new FeeOracleOptions
        {
            BlockCount = settings.Fees.HistoryBlocks,
            RewardPercentile = settings.Fees.RewardPercentile,
            MinPriorityFeePerGas = settings.Fees.MinPriorityFeePerGas,
            MaxFeePerGasCap = Settings.MaxFeePerGas,
        });
    }

    /// <summary>keeper.gogopool.</summary>
    public GoGoPoolNodeSettings Settings { get; }

    /// <summary>The key that signs on this chain.</summary>
    public PrivateKey Key { get; }

    /// <summary>The chain's JSON-RPC client.</summary>
    public FailoverClient Rpc { get; }

    /// <summary>The chain's Ethereum API.</summary>
    public EthApi Eth { get; }

    /// <summary>Batched reads on the chain.</summary>
    public BatchCaller Batch { get; }

    /// <summary>Fees on the chain, capped at keeper.gogopool.max-fee-per-gas-gwei.</summary>
    public FeeOracle Fees { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Rpc.Dispose();
        if (_ownsKey)
        {
            Key.Dispose();
        }
    }
}
