using System;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RtmpXProtect.Engine.Security
{
    /// <summary>
    /// Loads the RTMPS server certificate from a PFX (with its password) or a PEM certificate and key.
    /// Errors name the file and never the password.
    /// </summary>
    /// <remarks>
    /// PEM loading (X509Certificate2.CreateFromPemFile, .NET 5+) is not in the netstandard2.0 reference
    /// the engine compiles against, so it is bound by reflection, as <see cref="Management.SelfSignedCertificates"/>
    /// binds CertificateRequest; where the runtime lacks it (Windows PowerShell 5.1) a PEM file is refused
    /// with a message saying to use a PFX.
    /// </remarks>
    public static class ServerCertificate
    {
        private static readonly Lazy<MethodInfo?> FromPemFile = new Lazy<MethodInfo?>(() =>
            typeof(X509Certificate2).GetMethod("CreateFromPemFile", new[] { typeof(string), typeof(string) }));

        private static readonly Lazy<EncryptedPemLoader?> FromEncryptedPemFile = new Lazy<EncryptedPemLoader?>(() =>
        {
            var method = typeof(X509Certificate2).GetMethod("CreateFromEncryptedPemFile", new[] { typeof(string), typeof(ReadOnlySpan<char>), typeof(string) });
            return method == null ? null : (EncryptedPemLoader)Delegate.CreateDelegate(typeof(EncryptedPemLoader), method);
        });

        private delegate X509Certificate2 EncryptedPemLoader(string certificatePath, ReadOnlySpan<char> password, string? keyPath);

        /// <summary>
        /// Loads <paramref name="certificatePath"/>: PEM when it is PEM text (its key in it or in
        /// <paramref name="keyPath"/>), PFX otherwise.
        /// </summary>
        /// <exception cref="CertificateLoadException">The file is missing, unreadable, has no private key, or the password is wrong.</exception>
        public static X509Certificate2 Load(string certificatePath, string? keyPath, string? password)
        {
            try
            {
                var certificate = IsPem(certificatePath) ? LoadPem(certificatePath, keyPath, password) : new X509Certificate2(certificatePath, password, X509KeyStorageFlags.DefaultKeySet);
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
            X509Certificate2 pem;
            if (password == null)
            {
                var load = FromPemFile.Value ?? throw new CertificateLoadException($"{certificatePath} is PEM, which this runtime cannot load (it needs .NET 5 or later): convert it to a PFX.");
                try
                {
                    pem = (X509Certificate2)load.Invoke(null, new object?[] { certificatePath, keyPath })!;
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw e.InnerException;
                }
            }
            else
            {
                var load = FromEncryptedPemFile.Value ?? throw new CertificateLoadException($"{certificatePath} is PEM, which this runtime cannot load (it needs .NET 5 or later): convert it to a PFX.");
                pem = load(certificatePath, password.AsSpan(), keyPath);
            }

            using (pem)
            {
                return new X509Certificate2(pem.Export(X509ContentType.Pkcs12), (string?)null, X509KeyStorageFlags.DefaultKeySet);
            }
        }
    }
}
