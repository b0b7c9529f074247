using System;
using System.Security.Cryptography.X509Certificates;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>The RTMPS certificate a driver's settings name: a PFX file with its password, or a thumbprint in the machine's store.</summary>
    public static class DriverCertificate
    {
        internal const string Missing = "RTMPS is on but no certificate was given: set the certificate file (and its password) or a Windows store thumbprint.";

        /// <summary>The certificate, with its private key; null when RTMPS is off.</summary>
        /// <exception cref="ArgumentException">RTMPS is on and the certificate cannot be had; the message never carries the password.</exception>
        public static X509Certificate2? Load(DriverSettings settings, StoreLocation location = StoreLocation.LocalMachine)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (!settings.UseTls)
            {
                return null;
            }

            X509Certificate2 certificate;
            if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
            {
                try
                {
                    return Security.ServerCertificate.Load(settings.CertificatePath!, null, settings.CertificatePassword);
                }
                catch (Exception e) when (e is Security.CertificateLoadException || e is System.IO.IOException || e is UnauthorizedAccessException)
                {
                    throw new ArgumentException(e.Message, nameof(settings), e);
                }
            }
            else if (!string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
            {
                var thumbprint = settings.CertificateThumbprint!.Replace(" ", string.Empty);
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                certificate = found.Count > 0 ? found[0] : throw new ArgumentException($"No certificate with thumbprint {thumbprint} is in the {location} store.", nameof(settings));
            }
            else
            {
                throw new ArgumentException(Missing, nameof(settings));
            }

            return certificate.HasPrivateKey ? certificate : throw new ArgumentException("The RTMPS certificate has no private key.", nameof(settings));
        }
    }
}
