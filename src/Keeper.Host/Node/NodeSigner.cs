using Keeper.Chain.Signing;

namespace Keeper.Host.Node;

/// <summary>Loads the node's signing key from a keystore V3 file; the password comes from a file or an environment variable, never the command line.</summary>
public static class NodeSigner
{
    /// <summary>Decrypts the configured keystore.</summary>
    /// <exception cref="SettingsException">The keystore or password is missing or wrong; the message says which setting to fix.</exception>
    public static PrivateKey Load(SignerSettings signer, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (string.IsNullOrWhiteSpace(signer.Keystore))
        {
            throw new SettingsException("keeper.signer.keystore", "is empty; set the path of this node's keystore V3 file (keeper accounts new creates one).");
        }

        if (!File.Exists(signer.Keystore))
        {
            throw new SettingsException("keeper.signer.keystore", $"{signer.Keystore} does not exist.");
        }

        string password;
        string passwordSource;
        if (!string.IsNullOrWhiteSpace(signer.PasswordFile))
        {
            if (!File.Exists(signer.PasswordFile))
            {
                throw new SettingsException("keeper.signer.password-file", $"{signer.PasswordFile} does not exist.");
            }

            password = File.ReadLines(signer.PasswordFile).FirstOrDefault() ?? string.Empty;
            passwordSource = $"the first line of {signer.PasswordFile} (keeper.signer.password-file)";
        }
        else
        {
            password = environment(signer.PasswordEnv)
                ?? throw new SettingsException("keeper.signer.password-env", $"the environment variable {signer.PasswordEnv} is not set; set it, or set keeper.signer.password-file.");
            passwordSource = $"the environment variable {signer.PasswordEnv} (keeper.signer.password-env)";
        }

        try
        {
            return KeystoreV3.Decrypt(File.ReadAllText(signer.Keystore), password);
        }
        catch (KeystoreException ex)
        {
            throw new SettingsException("keeper.signer.keystore", $"{signer.Keystore}: {ex.Message} The password was read from {passwordSource}.", ex);
        }
    }
}
