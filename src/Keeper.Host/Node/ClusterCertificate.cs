using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Keeper.Host.Node;

/// <summary>
/// Loads the cluster transport's certificate (keeper.cluster.tls): a PKCS#12 file whose password comes from a file or an
/// environment variable, like the keystore's, never the command line or a configuration file.
/// </summary>
public static class ClusterCertificate
{
    /// <summary>Loads the configured certificate with its private key.</summary>
    /// <exception cref="SettingsException">The file or password is missing or wrong, or the file holds no private key; the message says which setting to fix.</exception>
    public static X509Certificate2 Load(ClusterTlsSettings tls, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(tls);
        environment ??= Environment.GetEnvironmentVariable;
        if (!File.Exists(tls.Certificate))
        {
            throw new SettingsException("keeper.cluster.tls.certificate", $"{tls.Certificate} does not exist; set the PKCS#12 file holding this node's certificate and key.");
        }

        string password;
        if (!string.IsNullOrWhiteSpace(tls.PasswordFile))
        {
            if (!File.Exists(tls.PasswordFile))
            {
                throw new SettingsException("keeper.cluster.tls.password-file", $"{tls.PasswordFile} does not exist.");
            }

            password = File.ReadLines(tls.PasswordFile).FirstOrDefault() ?? string.Empty;
        }
        else
        {
            password = environment(tls.PasswordEnv)
                ?? throw new SettingsException("keeper.cluster.tls.password-env", $"the environment variable {tls.PasswordEnv} is not set; set it to the certificate's password, or set keeper.cluster.tls.password-file.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(tls.Certificate, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new SettingsException("keeper.cluster.tls.certificate", $"{tls.Certificate} could not be read as PKCS#12 with the configured password ({ex.Message}); check the file and the password.", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new SettingsException("keeper.cluster.tls.certificate", $"{tls.Certificate} holds no private key; export the certificate with its key (PKCS#12).");
        }

        return certificate;
    }
}
