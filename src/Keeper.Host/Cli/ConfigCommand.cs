using System.CommandLine;
using Keeper.Chain.Primitives;
using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;
using Keeper.Host.Node;

namespace Keeper.Host.Cli;

/// <summary>
/// <c>keeper config check FILE</c>: validates a configuration as <c>keeper run</c> would (unknown keys and
/// <c>KEEPER_</c> environment overrides included) and prints the effective values, secrets masked. With
/// <c>--online</c> it also asks the network (<see cref="OnlineCheck"/>).
/// </summary>
public static class ConfigCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="environment">The environment variables the configuration reads; null: the process environment.</param>
    public static Command Create(IReadOnlyDictionary<string, string>? environment = null)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The node's HOCON configuration file." };
        var noSigner = new Option<bool>("--no-signer") { Description = "Do not open the keystore (for checking a file away from the node's host)." };
        var online = new Option<bool>("--online")
        {
            Description = "Also ask the network: every RPC and beacon endpoint answers, one chain, a RocketStorage with every contract Keeper uses, the signer's balance. Exit 1 when one fails.",
        };
        var check = new Command("check", "Validate a configuration file and print the effective values, KEEPER_ environment overrides applied (secrets masked). Exit 2 names the key and the fix.")
        {
            file, noSigner, online,
        };
        check.SetAction((result, ct) => CheckAsync(result, result.GetValue(file)!, !result.GetValue(noSigner), result.GetValue(online), environment, ct));
        return new Command("config", "Configuration tools.") { check };
    }

    private static async Task<int> CheckAsync(
        ParseResult result, FileInfo file, bool openSigner, bool online, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        HoconConfig config;
        KeeperSettings settings;
        Address? signer = null;
        Address? goGoPoolSigner = null;
        try
        {
            if (!file.Exists)
            {
                throw new CliInputException($"{file.FullName} does not exist.");
            }

            (config, settings) = KeeperSettingsLoader.LoadEffective(file.FullName, environment);
            if (openSigner)
            {
                using var key = NodeSigner.Load(settings.Signer);
                signer = key.Address;
                if (settings.GoGoPool is { Enabled: true, OwnSigner: true })
                {
                    using var goGoPoolKey = NodeSigner.Load(settings.GoGoPool.Signer, section: "keeper.gogopool.signer");
                    goGoPoolSigner = goGoPoolKey.Address;
                }
            }
        }
        catch (Exception ex) when (ex is SettingsException or HoconException or CliInputException)
        {
            result.InvocationConfiguration.Error.WriteLine($"keeper config check: {ex.Message}");
            return ExitCodes.BadInput;
        }

        output.WriteLine($"# {file.FullName}: valid. Effective values (secrets masked):");
        foreach (var (key, value) in Flatten(config.Root, string.Empty))
        {
            output.WriteLine($"{key} = {value}");
        }

        if (!online)
        {
            return ExitCodes.Ok;
        }

        output.WriteLine($"# asking the network{(signer is null ? " (signer not opened: no balance check)" : string.Empty)}:");
        var failures = await new OnlineCheck(settings, signer, output) { GoGoPoolSigner = goGoPoolSigner }.RunAsync(cancellationToken);
        output.WriteLine(failures == 0 ? "# online: all checks passed." : $"# online: {failures} check(s) failed.");
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static IEnumerable<(string Key, string Value)> Flatten(HoconValue value, string path) => value switch
    {
        HoconObject obj => obj.Fields.SelectMany(f => Flatten(f.Value, path.Length == 0 ? f.Key : $"{path}.{f.Key}")),
        HoconArray { Items.Count: 0 } => [(path, "[]")],
        HoconArray array => array.Items.SelectMany((item, i) => Flatten(item, $"{path}[{i}]")),
        HoconNull => [(path, "null")],
        HoconString s => [(path, Quote(SecretMask.Value(path, s.Text)))],
        HoconScalar scalar => [(path, SecretMask.Value(path, scalar.Text))],
        _ => [(path, $"({value.KindName})")],
    };

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
