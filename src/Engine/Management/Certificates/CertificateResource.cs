using System.Collections.Generic;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.Engine.Management.Certificates
{
    /// <summary>
    /// RtmpXProtect/Certificate: an instance's RTMPS certificate (ROOT/certs/rtmps.pfx), self-signed
    /// and renewed before it expires, or a PFX the operator gives; optionally imported into the
    /// Windows store LocalMachine\My as CertificateDsc's PfxImport does. A running instance picks a
    /// new one up by restarting only its TLS listener.
    /// </summary>
    public sealed class CertificateResource
    {
        /// <summary>The resource type name.</summary>
        public const string TypeName = "RtmpXProtect/Certificate";

        /// <summary>What the resource manages, for its schema.</summary>
        public const string Description = "The RTMPS certificate of an rtmpx instance: self-signed for its names and renewed before it expires, or a PFX given by the operator.";

        /// <summary>A host name: labels of letters, digits and '-' between dots, a leading "*." for a wildcard.</summary>
        public const string DnsNamePattern = @"^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";

        /// <summary>The instance the certificate is for.</summary>
        [ResourceProperty("instance", "The instance (RtmpXProtect/Instance name) whose RTMPS certificate this is.", Key = true, Pattern = InstanceRegistry.NamePattern, Form = InstanceResource.NameForm)]
        public string? Instance { get; set; }

        /// <summary>Whether the instance should have a certificate; false deletes it (RTMPS then waits for one).</summary>
        [ResourceProperty("_exist", "Whether the instance should have a certificate; false deletes it, and the instance's RTMPS waits for a new one.")]
        public bool? Exist { get; set; }

        /// <summary>Where the certificate comes from.</summary>
        [ResourceProperty("source", "selfSigned (made here for dnsNames and ipAddresses, renewed renewDaysBefore it expires) or pfx (pfxPath or pfxBase64 with password, installed as given). Default selfSigned.")]
        public CertificateSource? Source { get; set; }

        /// <summary>Host names it is for.</summary>
        [ResourceProperty("dnsNames", "Host names the certificate is for (subject alternative names; the first is its subject). A selfSigned certificate for other names is made anew. Default: this computer's name.", Pattern = DnsNamePattern, Form = "a DNS name (letters, digits and '-' between dots)")]
        public List<string>? DnsNames { get; set; }

        /// <summary>Addresses it is for.</summary>
        [ResourceProperty("ipAddresses", "IP addresses the certificate is for, for clients that connect by address.")]
        public List<string>? IpAddresses { get; set; }

        /// <summary>Lifetime of a selfSigned certificate made here.</summary>
        [ResourceProperty("validDays", "Days a selfSigned certificate is made valid for, 2–3650. Default 365.", Minimum = 2, Maximum = 3650)]
        public int? ValidDays { get; set; }

        /// <summary>Days before expiry at which a selfSigned certificate is renewed.</summary>
        [ResourceProperty("renewDaysBefore", "A selfSigned certificate with fewer days left than this is renewed; less than validDays. Default 30.", Minimum = 0, Maximum = 3649)]
        public int? RenewDaysBefore { get; set; }

        /// <summary>A PFX file to install (source pfx).</summary>
        [ResourceProperty("pfxPath", "A PFX file to install (source pfx).", WriteOnly = true)]
        public string? PfxPath { get; set; }

        /// <summary>A PFX as base64 (source pfx).</summary>
        [ResourceProperty("pfxBase64", "A PFX, base64 encoded, to install (source pfx): for configurations that carry it as a secure parameter.", WriteOnly = true, Secret = true)]
        public string? PfxBase64 { get; set; }

        /// <summary>The PFX's password.</summary>
        [ResourceProperty("password", "The password of the PFX given; never stored (the instance re-encrypts it with a password of its own).", WriteOnly = true, Secret = true)]
        public string? Password { get; set; }

        /// <summary>A Windows certificate store to import it into as well.</summary>
        [ResourceProperty("store", "Also import the certificate into this Windows store (only LocalMachine\\My), as CertificateDsc's PfxImport does; null imports nowhere. Windows only.", Nullable = true, Pattern = @"^LocalMachine\\My$", Form = "LocalMachine\\My")]
        public string? Store { get; set; }

        /// <summary>SHA-1 thumbprint, as Windows shows it.</summary>
        [ResourceProperty("thumbprint", "The certificate's SHA-1 thumbprint, as Windows shows it.", ReadOnly = true)]
        public string? Thumbprint { get; set; }

        /// <summary>Subject.</summary>
        [ResourceProperty("subject", "The certificate's subject.", ReadOnly = true)]
        public string? Subject { get; set; }

        /// <summary>Expiry, UTC, ISO 8601.</summary>
        [ResourceProperty("notAfter", "When the certificate expires (UTC, ISO 8601).", ReadOnly = true)]
        public string? NotAfter { get; set; }

        /// <summary>Set by test.</summary>
        [ResourceProperty("_inDesiredState", "Whether the certificate is in the desired state (test only).", ReadOnly = true)]
        public bool? InDesiredState { get; set; }
    }
}
