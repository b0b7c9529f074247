using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// The self-signed server certificate `rtmpx cert new` and New-RtmpCertificate write, for rtmps
    /// on a server with no certificate authority at hand. RSA 2048 with SHA-256, the names as
    /// subject alternative names and the serverAuth usage: what every TLS stack an RTMP client ships
    /// with (FFmpeg's OpenSSL or GnuTLS, OBS's mbedTLS, SChannel) accepts once trusted.
    /// </summary>
    /// <remarks>
    /// CertificateRequest is not in the netstandard2.0 reference the engine compiles against, yet
    /// every runtime the engine loads in has it (.NET Framework 4.7.2+ in System.Core, .NET Core 2.0+
    /// and .NET 5+ next to X509Certificate2). So it is bound once by reflection rather than the
    /// engine gaining a second target or a package; the subject alternative name, which needs a
    /// builder that is missing from the reference too, is encoded here (a few DER bytes).
    /// </remarks>
    public static class SelfSignedCertificates
    {
        private const string RequestTypeName = "System.Security.Cryptography.X509Certificates.CertificateRequest";

        // serverAuth: what TLS clients look for on a server certificate.
        private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

        private const string SubjectAlternativeName = "2.5.29.17";

        private static readonly Lazy<RequestBinding> Binding = new Lazy<RequestBinding>(Bind);

        /// <summary>
        /// A PKCS#12 (PFX) file with the certificate and its private key, valid from a minute ago for
        /// <paramref name="validity"/>, encrypted with <paramref name="password"/> when one is given.
        /// The subject is the first name (or address).
        /// </summary>
        /// <exception cref="ArgumentException">No name and no address, or a validity under a day.</exception>
        /// <exception cref="PlatformNotSupportedException">The runtime has no CertificateRequest (.NET Framework before 4.7.2).</exception>
        public static byte[] CreatePfx(IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses, TimeSpan validity, string? password)
            => CreatePfx(dnsNames, addresses, validity, password, DateTimeOffset.UtcNow);

        /// <summary>As <see cref="CreatePfx(IReadOnlyList{string}, IReadOnlyList{IPAddress}, TimeSpan, string?)"/>, valid from a minute before <paramref name="now"/> (the clock renewals are judged by).</summary>
        public static byte[] CreatePfx(IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses, TimeSpan validity, string? password, DateTimeOffset now)
        {
            if (dnsNames == null || addresses == null || (dnsNames.Count == 0 && addresses.Count == 0))
            {
                throw new ArgumentException("At least one DNS name or IP address is required.", nameof(dnsNames));
            }

            if (validity < TimeSpan.FromDays(1))
            {
                throw new ArgumentException("The certificate must be valid for at least one day.", nameof(validity));
            }

            var binding = Binding.Value;
            using var key = RSA.Create();
            key.KeySize = 2048;
            var subject = new X500DistinguishedName("CN=" + (dnsNames.Count > 0 ? dnsNames[0] : addresses[0].ToString()));
            var request = binding.Create(subject, key);
            var extensions = binding.Extensions(request);
            extensions.Add(new X509Extension(new Oid(SubjectAlternativeName), SubjectAlternativeNames(dnsNames, addresses), false));
            extensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            extensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            extensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(ServerAuthentication) }, false));
            extensions.Add(new X509SubjectKeyIdentifierExtension(binding.PublicKey(request), false));
            using var certificate = binding.CreateSelfSigned(request, now.AddMinutes(-1), now + validity);
            return certificate.Export(X509ContentType.Pkcs12, password);
        }

        // GeneralNames ::= SEQUENCE OF GeneralName; dNSName [2] IA5String, iPAddress [7] OCTET STRING.
        internal static byte[] SubjectAlternativeNames(IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses)
        {
            var body = new List<byte>();
            foreach (var name in dnsNames)
            {
                foreach (var c in name)
                {
                    if (c > 0x7E || c < 0x21)
                    {
                        throw new ArgumentException("A DNS name must be ASCII letters, digits, '-' and '.' (punycode for others).", nameof(dnsNames));
                    }
                }

                Der(body, 0x82, System.Text.Encoding.ASCII.GetBytes(name));
            }

            foreach (var address in addresses)
            {
                Der(body, 0x87, address.GetAddressBytes());
            }

            var sequence = new List<byte>();
            Der(sequence, 0x30, body.ToArray());
            return sequence.ToArray();
        }

        private static void Der(List<byte> output, byte tag, byte[] content)
        {
            output.Add(tag);
            var length = content.Length;
            if (length < 0x80)
            {
                output.Add((byte)length);
            }
            else if (length <= 0xFF)
            {
                output.Add(0x81);
                output.Add((byte)length);
            }
            else
            {
                output.Add(0x82);
                output.Add((byte)(length >> 8));
                output.Add((byte)length);
            }

            output.AddRange(content);
        }

        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "src/Cli/AotRoots.xml keeps CertificateRequest whole in the ahead-of-time build.")]
        [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "src/Cli/AotRoots.xml keeps CertificateRequest whole in the ahead-of-time build.")]
        private static RequestBinding Bind()
        {
            var type = typeof(X509Certificate2).Assembly.GetType(RequestTypeName)
                ?? Type.GetType(RequestTypeName + ", System.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")
                ?? Type.GetType(RequestTypeName + ", System.Security.Cryptography.X509Certificates")
                ?? Type.GetType(RequestTypeName + ", System.Security.Cryptography");
            if (type == null)
            {
                throw new PlatformNotSupportedException("This runtime has no CertificateRequest (.NET Framework 4.7.2 or later, or .NET Core 2.0 or later, is needed to make certificates).");
            }

            var constructor = type.GetConstructor(new[] { typeof(X500DistinguishedName), typeof(RSA), typeof(HashAlgorithmName), typeof(RSASignaturePadding) });
            var extensions = type.GetProperty("CertificateExtensions");
            var publicKey = type.GetProperty("PublicKey");
            var createSelfSigned = type.GetMethod("CreateSelfSigned", new[] { typeof(DateTimeOffset), typeof(DateTimeOffset) });
            if (constructor == null || extensions == null || publicKey == null || createSelfSigned == null)
            {
                throw new PlatformNotSupportedException("This runtime's CertificateRequest lacks a member the engine uses.");
            }

            return new RequestBinding(constructor, extensions, publicKey, createSelfSigned);
        }

        private sealed class RequestBinding
        {
            private readonly ConstructorInfo _constructor;
            private readonly PropertyInfo _extensions;
            private readonly PropertyInfo _publicKey;
            private readonly MethodInfo _createSelfSigned;

            public RequestBinding(ConstructorInfo constructor, PropertyInfo extensions, PropertyInfo publicKey, MethodInfo createSelfSigned)
            {
                _constructor = constructor;
                _extensions = extensions;
                _publicKey = publicKey;
                _createSelfSigned = createSelfSigned;
            }

            public object Create(X500DistinguishedName subject, RSA key)
                => _constructor.Invoke(new object[] { subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1 });

            public Collection<X509Extension> Extensions(object request) => (Collection<X509Extension>)_extensions.GetValue(request)!;

            public PublicKey PublicKey(object request) => (PublicKey)_publicKey.GetValue(request)!;

            public X509Certificate2 CreateSelfSigned(object request, DateTimeOffset notBefore, DateTimeOffset notAfter)
            {
                try
                {
                    return (X509Certificate2)_createSelfSigned.Invoke(request, new object[] { notBefore, notAfter })!;
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw e.InnerException;
                }
            }
        }
    }
}
