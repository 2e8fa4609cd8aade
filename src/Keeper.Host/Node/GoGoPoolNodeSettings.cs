using System.Numerics;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Host.Node;

/// <summary>
/// keeper.gogopool: GoGoPool's minipools on their own chain (Avalanche's C-Chain), with their own RPC endpoints, watcher,
/// scheduler, gate and submitter. <see cref="Enabled"/> false: nothing of it runs (the other fields keep their defaults).
/// </summary>
/// <param name="Enabled">keeper.gogopool.enabled.</param>
/// <param name="ChainId">The chain id its RPC must answer (43114 on the C-Chain, 43113 on Fuji).</param>
/// <param name="Rpc">Its JSON-RPC endpoints, tried in order like keeper.chain.rpc.</param>
/// <param name="Storage">GoGoPool's Storage, the one address the other contracts are resolved from.</param>
/// <param name="Slot">Its block interval: the next block's time is the head's plus this.</param>
/// <param name="PollInterval">How often its head is polled.</param>
/// <param name="Confirmations">Blocks on top of a mined transaction before it is final.</param>
/// <param name="LogRange">Most blocks one eth_getLogs request covers.</param>
/// <param name="HistoryDepth">Recent block headers kept to detect reorgs.</param>
/// <param name="SettingsRefresh">How often ProtocolDAO's settings and the contracts' addresses are read again.</param>
/// <param name="GateWindow">The gate's turn length on this chain.</param>
/// <param name="MaxFeePerGas">The most paid per gas on this chain, in wei.</param>
/// <param name="Owners">Minipool owners whose alerts are the operator's own (warning level).</param>
/// <param name="Signer">The account that signs on this chain; an empty keystore means keeper.signer's.</param>
/// <param name="WithdrawGrace">How long after a minipool's end its Withdrawable funds may wait before the alert.</param>
public sealed record GoGoPoolNodeSettings(
    bool Enabled,
    ulong ChainId,
    IReadOnlyList<Uri> Rpc,
    Address Storage,
    TimeSpan Slot,
    TimeSpan PollInterval,
    int Confirmations,
    ulong LogRange,
    int HistoryDepth,
    TimeSpan SettingsRefresh,
    TimeSpan GateWindow,
    BigInteger MaxFeePerGas,
    IReadOnlyList<Address> Owners,
    SignerSettings Signer,
    TimeSpan WithdrawGrace)
{
    /// <summary>GoGoPool off (settings built without a configuration).</summary>
    public static GoGoPoolNodeSettings Off { get; } = new(
        false, 43114, [], Address.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 1, 2000, 64, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(12),
        100_000_000_000, [], new SignerSettings(string.Empty, string.Empty, "KEEPER_GOGOPOOL_KEYSTORE_PASSWORD"), TimeSpan.FromHours(24));

    /// <summary>True when this chain signs with its own keystore rather than keeper.signer's.</summary>
    public bool OwnSigner => !string.IsNullOrWhiteSpace(Signer.Keystore);
}
