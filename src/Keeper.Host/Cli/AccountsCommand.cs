using System.CommandLine;
using System.Text.Json;
using Keeper.Chain.Primitives;
using Keeper.Chain.Signing;

namespace Keeper.Host.Cli;

/// <summary><c>keeper accounts new|import|list</c>: keystore V3 files for the node's signing account.</summary>
public static class AccountsCommand
{
    // geth's --lightkdf parameters: fast to open, for devnets and tests only.
    private static readonly KeystoreEncryptOptions LightKdf = new() { ScryptN = 4096, ScryptR = 8, ScryptP = 6 };

    /// <summary>Builds the command.</summary>
    public static Command Create() => new("accounts", "Create, import and list keystore V3 files.")
    {
        New(),
        Import(),
        List(),
    };

    private static Command New()
    {
        var (command, keystore, password, light) = KeystoreCommand("new", "Create a new account and write its keystore V3 file.");
        command.SetAction(result => Run(result, "accounts new", output =>
        {
            using var key = PrivateKey.Generate();
            Write(result, keystore, password, light, key, output);
        }));
        return command;
    }

    private static Command Import()
    {
        var (command, keystore, password, light) = KeystoreCommand("import", "Write a keystore V3 file for an existing private key, read from a file.");
        var keyFile = new Option<FileInfo>("--private-key-file") { Description = "File holding the private key as 64 hex digits (optionally 0x-prefixed).", Required = true };
        command.Options.Add(keyFile);
        command.SetAction(result => Run(result, "accounts import", output =>
        {
            var file = result.GetValue(keyFile)!;
            if (!file.Exists)
            {
                throw new CliInputException($"--private-key-file {file.FullName} does not exist.");
            }

            PrivateKey key;
            try
            {
                key = PrivateKey.FromHex(File.ReadAllText(file.FullName).Trim());
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                // The file's content is never echoed: it is (nearly) a key.
                throw new CliInputException($"--private-key-file {file.FullName} does not hold a private key: write 64 hex digits (optionally 0x-prefixed) on one line.");
            }

            using (key)
            {
                Write(result, keystore, password, light, key, output);
            }
        }));
        return command;
    }

    private static Command List()
    {
        var dir = new Option<DirectoryInfo>("--dir") { Description = "Folder holding keystore V3 files.", Required = true };
        var command = new Command("list", "List the accounts of the keystore V3 files in a folder (nothing is decrypted).") { dir };
        command.SetAction(result => Run(result, "accounts list", output =>
        {
            var folder = result.GetValue(dir)!;
            if (!folder.Exists)
            {
                throw new CliInputException($"--dir {folder.FullName} does not exist.");
            }

            var found = 0;
            foreach (var file in folder.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (TryReadAddress(file.FullName) is { } address)
                {
                    output.WriteLine($"{address}  {file.FullName}");
                    found++;
                }
            }

            output.WriteLine($"{found} keystore file(s) in {folder.FullName}");
        }));
        return command;
    }

    private static (Command Command, Option<FileInfo> Keystore, PasswordSource Password, Option<bool> Light) KeystoreCommand(string name, string description)
    {
        var keystore = new Option<FileInfo>("--keystore") { Description = "The keystore V3 file to write (it must not exist).", Required = true };
        var light = new Option<bool>("--light-kdf") { Description = "Weak, fast scrypt parameters (devnets and tests only)." };
        var command = new Command(name, description) { keystore, light };
        var password = new PasswordSource();
        password.AddTo(command);
        return (command, keystore, password, light);
    }

    private static void Write(ParseResult result, Option<FileInfo> keystoreOption, PasswordSource passwordSource, Option<bool> light, PrivateKey key, TextWriter output)
    {
        var keystore = result.GetValue(keystoreOption)!;
        var password = passwordSource.Read(result);
        if (keystore.Exists)
        {
            throw new CliInputException($"--keystore {keystore.FullName} already exists; choose another file (an existing keystore is never overwritten).");
        }

        if (keystore.Directory is { Exists: false } parent)
        {
            throw new CliInputException($"--keystore: the folder {parent.FullName} does not exist.");
        }

        var json = KeystoreV3.Encrypt(key, password, KeystoreKdf.Scrypt, result.GetValue(light) ? LightKdf : KeystoreEncryptOptions.Default);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(keystore.FullName, options))
        {
            writer.Write(json);
        }

        output.WriteLine($"{key.Address}  {keystore.FullName}");
    }

    // Reads the address a V3 file declares, without decrypting; null for anything that is not a V3 keystore.
    private static string? TryReadAddress(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 3
                || !(root.TryGetProperty("crypto", out _) || root.TryGetProperty("Crypto", out _)))
            {
                return null;
            }

            return root.TryGetProperty("address", out var address) && address.ValueKind == JsonValueKind.String
                && Address.TryParse(address.GetString()!.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? address.GetString()! : "0x" + address.GetString(), out var parsed)
                ? parsed.ToString()
                : "(no address field)";
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static int Run(ParseResult result, string name, Action<TextWriter> action)
    {
        try
        {
            action(result.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        }
        catch (CliInputException ex)
        {
            result.InvocationConfiguration.Error.WriteLine($"keeper {name}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException ex)
        {
            result.InvocationConfiguration.Error.WriteLine($"keeper {name}: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
