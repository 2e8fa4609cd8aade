using System.CommandLine;
using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;
using Keeper.Host.Http;
using Keeper.Host.Node;

namespace Keeper.Host.Cli;

/// <summary>
/// <c>keeper config check FILE</c>: validates a configuration as <c>keeper run</c> would (unknown keys and
/// <c>KEEPER_</c> environment overrides included) and prints the effective values, secrets masked.
/// </summary>
public static class ConfigCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="environment">The environment variables the configuration reads; null: the process environment.</param>
    public static Command Create(IReadOnlyDictionary<string, string>? environment = null)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The node's HOCON configuration file." };
        var noSigner = new Option<bool>("--no-signer") { Description = "Do not open the keystore (for checking a file away from the node's host)." };
        var check = new Command("check", "Validate a configuration file and print the effective values, KEEPER_ environment overrides applied (secrets masked). Exit 2 names the key and the fix.") { file, noSigner };
        check.SetAction(result => Check(result, result.GetValue(file)!, !result.GetValue(noSigner), environment));
        return new Command("config", "Configuration tools.") { check };
    }

    private static int Check(ParseResult result, FileInfo file, bool openSigner, IReadOnlyDictionary<string, string>? environment)
    {
        var output = result.InvocationConfiguration.Output;
        HoconConfig config;
        try
        {
            if (!file.Exists)
            {
                throw new CliInputException($"{file.FullName} does not exist.");
            }

            config = KeeperSettingsLoader.LoadConfig(file.FullName, environment);
            var settings = KeeperSettingsLoader.From(config);
            KeeperHttpExtensions.ParseHost(settings.Http.Host);
            if (openSigner)
            {
                NodeSigner.Load(settings.Signer).Dispose();
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

        return ExitCodes.Ok;
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
