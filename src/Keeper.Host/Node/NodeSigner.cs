using Keeper.Chain.Signing;

namespace Keeper.Host.Node;

/// <summary>Loads the node's signing key from a keystore V3 file; the password comes from a file or an environment variable, never the command line.</summary>
public static class NodeSigner
{
    /// <summary>Decrypts the configured keystore.</summary>
    /// <param name="signer">The keystore and where its password is.</param>
    /// <param name="environment">Reads an environment variable; the process environment by default.</param>
    /// <param name="section">The settings section <paramref name="signer"/> was read from, which errors name.</param>
    /// <exception cref="SettingsException">The keystore or password is missing or wrong; the message says which setting to fix.</exception>
    public static PrivateKey Load(SignerSettings signer, Func<string, string?>? environment = null, string section = "keeper.signer")
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (string.IsNullOrWhiteSpace(signer.Keystore))
        {
            throw new SettingsException($"{section}.keystore", "is empty; set the path of this node's keystore V3 file (keeper accounts new creates one).");
        }

        if (!File.Exists(signer.Keystore))
        {
            throw new SettingsException($"{section}.keystore", $"{signer.Keystore} does not exist.");
        }

        string password;
        string passwordSource;
        if (!string.IsNullOrWhiteSpace(signer.PasswordFile))
        {
            if (!File.Exists(signer.PasswordFile))
            {
                throw new SettingsException($"{section}.password-file", $"{signer.PasswordFile} does not exist.");
            }

            password = File.ReadLines(signer.PasswordFile).FirstOrDefault() ?? string.Empty;
            passwordSource = $"the first line of {signer.PasswordFile} ({section}.password-file)";
        }
        else
        {
            password = environment(signer.PasswordEnv)
                ?? throw new SettingsException($"{section}.password-env", $"the environment variable {signer.PasswordEnv} is not set; set it, or set {section}.password-file.");
            passwordSource = $"the environment variable {signer.PasswordEnv} ({section}.password-env)";
        }

        try
        {
            return KeystoreV3.Decrypt(File.ReadAllText(signer.Keystore), password);
        }
        catch (KeystoreException ex)
        {
            throw new SettingsException($"{section}.keystore", $"{signer.Keystore}: {ex.Message} The password was read from {passwordSource}.", ex);
        }
    }
}
