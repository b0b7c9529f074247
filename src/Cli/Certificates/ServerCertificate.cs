using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RtmpXProtect.Cli.Certificates
{
    /// <summary>
    /// Loads the RTMPS server certificate from a PFX (with its password) or a PEM certificate and key.
    /// Errors name the file and never the password.
    /// </summary>
    public static class ServerCertificate
    {
        /// <summary>
        /// Loads <paramref name="certificatePath"/>: PEM when it is PEM text (its key in it or in
        /// <paramref name="keyPath"/>), PFX otherwise.
        /// </summary>
        /// <exception cref="CertificateLoadException">The file is missing, unreadable, has no private key, or the password is wrong.</exception>
        public static X509Certificate2 Load(string certificatePath, string? keyPath, string? password)
        {
            try
            {
                var certificate = IsPem(certificatePath) ? LoadPem(certificatePath, keyPath, password) : X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);
                if (!certificate.HasPrivateKey)
                {
                    certificate.Dispose();
                    throw new CertificateLoadException($"{certificatePath} holds no private key; RTMPS needs one (give --key for a PEM certificate).");
                }

                return certificate;
            }
            catch (Exception e) when (e is CryptographicException || e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                // The runtime's messages say what went wrong ("the password may be incorrect") without the password.
                throw new CertificateLoadException($"Cannot load the certificate {certificatePath}{(keyPath == null ? string.Empty : " with key " + keyPath)}: {e.Message}");
            }
        }

        private static bool IsPem(string path)
        {
            using var file = File.OpenRead(path);
            var head = new byte[64];
            var read = file.Read(head, 0, head.Length);
            return System.Text.Encoding.ASCII.GetString(head, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
        }

        // SslStream on Linux wants a key it can export to OpenSSL, and on Windows one SChannel can use:
        // a PEM key is ephemeral, so the pair is re-imported through PKCS#12.
        private static X509Certificate2 LoadPem(string certificatePath, string? keyPath, string? password)
        {
            using var pem = password == null
                ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
    }
}
