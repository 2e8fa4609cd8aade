namespace Keeper.Host.Node;

public static partial class KeeperSettingsLoader
{
    // keeper.gogopool: every key is read (so a mistyped value is reported even while the section is off); what an enabled
    // section needs is checked only when it is on.
    private static GoGoPoolNodeSettings GoGoPool(Reader r)
    {
        const string S = "keeper.gogopool.";
        var enabled = r.Bool(S + "enabled");
        var owners = r.Strings(S + "owners").Select((text, i) => Chain.Primitives.Address.TryParse(text, out var address)
            ? address
            : r.Report($"{S}owners[{i}]", $"'{text}' is not an address; list minipool owner addresses (0x followed by 40 hex digits).", Chain.Primitives.Address.Zero)).ToArray();
        var settings = new GoGoPoolNodeSettings(
            enabled,
            (ulong)r.Long(S + "chain-id", 1, long.MaxValue),
            r.Uris(S + "rpc", required: false),
            r.OptionalAddress(S + "storage") ?? Chain.Primitives.Address.Zero,
            r.Duration(S + "slot", min: TimeSpan.FromSeconds(1)),
            r.Duration(S + "poll-interval", min: TimeSpan.FromMilliseconds(50)),
            r.Int(S + "confirmations", 1, 64),
            (ulong)r.Long(S + "log-range", 1, 1_000_000),
            r.Int(S + "history-depth", 2, 100_000),
            r.Duration(S + "settings-refresh", min: TimeSpan.FromSeconds(1)),
            r.Duration(S + "gate.window", min: TimeSpan.FromSeconds(1)),
            r.Gwei(S + "max-fee-per-gas-gwei"),
            owners,
            new SignerSettings(r.String(S + "signer.keystore"), r.String(S + "signer.password-file"), r.String(S + "signer.password-env")),
            r.Duration(S + "alerts.withdraw-grace", min: TimeSpan.FromMinutes(1)));
        if (!enabled || r.Failed(S + "enabled"))
        {
            return settings;
        }

        if (settings.Rpc.Count == 0 && !r.Failed(S + "rpc"))
        {
            r.Report(S + "rpc", "is empty but keeper.gogopool.enabled is on; list the C-Chain JSON-RPC endpoints, e.g. [\"https://api.avax.network/ext/bc/C/rpc\"].");
        }

        if (settings.Storage == Chain.Primitives.Address.Zero && !r.Failed(S + "storage"))
        {
            r.Report(S + "storage", "is empty but keeper.gogopool.enabled is on; set GoGoPool's Storage address (C-Chain mainnet 0x1cEa17F9dE4De28FeB6A102988E12D4B90DfF1a9).");
        }

        if (settings.MaxFeePerGas.IsZero && !r.Failed(S + "max-fee-per-gas-gwei"))
        {
            r.Report(S + "max-fee-per-gas-gwei", "must be above 0: it is the most the keeper ever pays per gas on the GoGoPool chain.");
        }

        return settings;
    }
}
