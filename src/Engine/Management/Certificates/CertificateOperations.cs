using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;
using RtmpXProtect.Engine.Security;

namespace RtmpXProtect.Engine.Management.Certificates
{
    /// <summary>
    /// Get, test, set and remove an instance's RTMPS certificate: what the RtmpXProtect/Certificate
    /// resource, the RtmpCertificate DSC class, Set-/Get-/Remove-RtmpInstanceCertificate and
    /// `rtmpx instance cert` call. The PFX lives in ROOT/certs/rtmps.pfx, encrypted with a password of
    /// the instance's own in ROOT/secrets/rtmps.password that is made once and kept, so a renewal is
    /// one rename of one file: the running instance sees it and restarts only its TLS listener.
    /// </summary>
    public sealed class CertificateOperations
    {
        private readonly InstanceOperations _instances;
        private readonly Func<DateTimeOffset> _now;

        /// <summary>Certificates of the instances <paramref name="instances"/> manages; <paramref name="now"/> is the clock renewals are judged by.</summary>
        public CertificateOperations(InstanceOperations instances, Func<DateTimeOffset>? now = null)
        {
            _instances = instances ?? throw new ArgumentNullException(nameof(instances));
            _now = now ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The instance's certificate; <c>_exist</c> false when it has none (or there is no such instance).</summary>
        /// <exception cref="ResourceOperationException">The certificate file cannot be read with the instance's password.</exception>
        public CertificateResource Get(string instance)
        {
            var layout = _instances.Layout(instance);
            if (layout == null || !File.Exists(layout.Resolve(InstanceLayout.CertificateFile)))
            {
                return new CertificateResource { Instance = instance, Exist = false };
            }

            var record = Record(layout);
            using var certificate = Load(layout);
            if (certificate == null)
            {
                // There, but not readable with the instance's password (a password file lost or edited):
                // not in any desired state, and set makes it anew.
                return new CertificateResource { Instance = instance, Exist = true, Source = SourceOf(record) };
            }

            var (dns, ips) = SubjectAlternativeNames.Of(certificate);
            return new CertificateResource
            {
                Instance = instance,
                Exist = true,
                Source = SourceOf(record),
                DnsNames = dns.ToList(),
                IpAddresses = ips.ToList(),
                ValidDays = record.ValidDays,
                RenewDaysBefore = record.RenewDaysBefore,
                Store = record.Store,
                Thumbprint = certificate.Thumbprint,
                Subject = certificate.Subject,
                NotAfter = certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            };
        }

        /// <summary>Every instance's certificate, for those that have one.</summary>
        public IReadOnlyList<CertificateResource> Export()
            => _instances.Registry.List().Select(r => Get(r.Name)).Where(c => c.Exist == true).ToList();

        /// <summary>The certificate as it is, and which given properties differ; one inside renewDaysBefore differs in notAfter.</summary>
        /// <exception cref="ResourceInputException">The desired state is inconsistent (renewDaysBefore not under validDays, a PFX that cannot be read).</exception>
        public TestResult<CertificateResource> Test(Desired<CertificateResource> desired)
        {
            var value = desired.Value;
            var actual = Get(value.Instance!);
            Check(value, _instances.Layout(value.Instance!) is { } at ? Record(at) : new CertificateRecord());
            var differing = new List<string>();
            var exist = value.Exist ?? true;
            if (exist != (actual.Exist ?? true))
            {
                differing.Add("_exist");
            }

            if (!exist || actual.Exist == false)
            {
                return new TestResult<CertificateResource>(actual, differing);
            }

            if (actual.Thumbprint == null)
            {
                differing.Add("thumbprint");
                return new TestResult<CertificateResource>(actual, differing);
            }

            // Not given: the source the certificate has (a CA's PFX is never turned into a self-signed one).
            var source = desired.Given("source") ? value.Source ?? CertificateSource.SelfSigned : actual.Source ?? CertificateSource.SelfSigned;
            if (desired.Given("source") && source != actual.Source)
            {
                differing.Add("source");
            }

            if (source == CertificateSource.Pfx)
            {
                if (desired.Given("pfxPath") || desired.Given("pfxBase64"))
                {
                    using var given = ReadGivenPfx(value, exportable: false);
                    if (!string.Equals(given.Thumbprint, actual.Thumbprint, StringComparison.OrdinalIgnoreCase))
                    {
                        differing.Add(desired.Given("pfxPath") ? "pfxPath" : "pfxBase64");
                    }
                }
            }
            else
            {
                if (desired.Given("dnsNames") && !Compare.SameSet(value.DnsNames!, actual.DnsNames!, StringComparer.OrdinalIgnoreCase))
                {
                    differing.Add("dnsNames");
                }

                if (desired.Given("ipAddresses") && !Compare.SameSet(value.IpAddresses!.Select(NormalAddress), actual.IpAddresses!, StringComparer.Ordinal))
                {
                    differing.Add("ipAddresses");
                }

                var renewBefore = value.RenewDaysBefore ?? actual.RenewDaysBefore ?? 30;
                if (DaysLeft(actual) < renewBefore)
                {
                    differing.Add("notAfter");
                }
            }

            if (desired.Given("store") && value.Store != null && !InStore(actual.Thumbprint!))
            {
                differing.Add("store");
            }

            return new TestResult<CertificateResource>(actual, differing);
        }

        /// <summary>Makes, renews or installs the certificate as desired; with <c>_exist</c> false deletes it. Returns the state after.</summary>
        /// <exception cref="ResourceInputException">No such instance, or the desired state cannot be applied as given; nothing was changed.</exception>
        public CertificateResource Set(Desired<CertificateResource> desired, OperationLog? log = null)
        {
            log ??= OperationLog.None;
            var value = desired.Value;
            var name = value.Instance!;
            if (value.Exist == false)
            {
                Remove(name, log);
                return Get(name);
            }

            var layout = _instances.RequireLayout(name);
            var test = Test(desired);
            var actual = test.Actual;
            var record = Record(layout);
            var source = desired.Given("source") ? value.Source ?? CertificateSource.SelfSigned : actual.Source ?? CertificateSource.SelfSigned;
            var made = test.Differing.Any(d => d != "store");
            if (made)
            {
                var password = Password(layout);
                byte[] pfx;
                if (source == CertificateSource.Pfx)
                {
                    if (value.PfxPath == null && value.PfxBase64 == null)
                    {
                        throw new ResourceInputException("pfxPath: the instance's certificate came from a PFX and must be made again: give the PFX (pfxPath or pfxBase64 with password).");
                    }

                    using var given = ReadGivenPfx(value, exportable: true);
                    pfx = given.Export(X509ContentType.Pkcs12, password);
                    log.Info($"installed the certificate {given.Subject} ({given.Thumbprint}) for instance {name}");
                }
                else
                {
                    var dnsNames = value.DnsNames ?? actual.DnsNames ?? new List<string>();
                    if (dnsNames.Count == 0 && (value.IpAddresses ?? actual.IpAddresses ?? new List<string>()).Count == 0)
                    {
                        dnsNames = new List<string> { Dns.GetHostName() };
                    }

                    var addresses = (value.IpAddresses ?? actual.IpAddresses ?? new List<string>()).Select(IPAddress.Parse).ToList();
                    var days = value.ValidDays ?? record.ValidDays;
                    pfx = SelfSignedCertificates.CreatePfx(dnsNames, addresses, TimeSpan.FromDays(days), password, _now());
                    log.Info(actual.Exist == true ? $"renewed the self-signed certificate of instance {name} ({string.Join(", ", test.Differing)})" : $"made a self-signed certificate for instance {name}");
                }

                AtomicFile.WriteIfChanged(layout.Resolve(InstanceLayout.CertificateFile), pfx, ownerOnly: true);
            }

            if (made || desired.Given("source"))
            {
                record.Source = source == CertificateSource.Pfx ? "pfx" : "selfSigned";
            }

            record.ValidDays = value.ValidDays ?? record.ValidDays;
            record.RenewDaysBefore = value.RenewDaysBefore ?? record.RenewDaysBefore;
            record.Store = desired.Given("store") ? value.Store : record.Store;
            AtomicFile.WriteIfChanged(layout.Resolve(InstanceLayout.CertificateRecordFile), EngineJson.Serialize(record) + "\n", ownerOnly: false);

            var after = Get(name);
            if (record.Store != null && !InStore(after.Thumbprint!))
            {
                Import(layout, after.Thumbprint!, log);
            }

            return after;
        }

        /// <summary>Deletes the instance's certificate (and its copy in the Windows store); its RTMPS then waits for a new one.</summary>
        public void Remove(string instance, OperationLog? log = null)
        {
            log ??= OperationLog.None;
            var layout = _instances.Layout(instance);
            if (layout == null)
            {
                return;
            }

            var record = Record(layout);
            var current = Get(instance);

            // An unreadable certificate has no thumbprint to find in the store: its files go all the same.
            if (record.Store != null && current.Thumbprint != null && RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                using var store = new X509Store(StoreName.My, StoreLocation.LocalMachine);
                store.Open(OpenFlags.ReadWrite);
                foreach (var copy in store.Certificates.Find(X509FindType.FindByThumbprint, current.Thumbprint, false))
                {
                    store.Remove(copy);
                }
            }

            foreach (var file in new[] { InstanceLayout.CertificateFile, InstanceLayout.CertificateRecordFile })
            {
                var path = layout.Resolve(file);
                if (File.Exists(path))
                {
                    File.Delete(path);
                    log.Info($"deleted {path}");
                }
            }
        }

        // The rules on what takes effect, the given values over the recorded ones: a validDays of 7 with
        // the recorded 30 days' notice would renew the certificate at every apply.
        private static void Check(CertificateResource value, CertificateRecord record)
        {
            var validDays = value.ValidDays ?? record.ValidDays;
            var renewDaysBefore = value.RenewDaysBefore ?? record.RenewDaysBefore;
            if (value.Exist != false && renewDaysBefore >= validDays)
            {
                throw new ResourceInputException($"renewDaysBefore: {renewDaysBefore} must be less than validDays ({validDays}), or every apply would renew the certificate.");
            }

            if (value.DnsNames != null && value.DnsNames.Count == 0 && (value.IpAddresses == null || value.IpAddresses.Count == 0))
            {
                throw new ResourceInputException("dnsNames: a certificate needs a name or an address; leave dnsNames out for this computer's name.");
            }

            foreach (var name in value.DnsNames ?? new List<string>())
            {
                if (!System.Text.RegularExpressions.Regex.IsMatch(name, CertificateResource.DnsNamePattern))
                {
                    throw new ResourceInputException($"dnsNames: '{name}' is not a DNS name (letters, digits and '-' between dots; punycode for others).");
                }
            }

            if (value.Source == CertificateSource.Pfx && value.Exist != false && value.PfxPath == null && value.PfxBase64 == null)
            {
                throw new ResourceInputException("pfxPath: source pfx needs pfxPath or pfxBase64 (with password).");
            }

            if (value.Store != null && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                throw new ResourceInputException("store: certificate stores are Windows only; on this machine give store: null.");
            }

            foreach (var address in value.IpAddresses ?? new List<string>())
            {
                if (!IPAddress.TryParse(address, out _))
                {
                    throw new ResourceInputException($"ipAddresses: '{address}' is not an IP address.");
                }
            }
        }

        private static X509Certificate2 ReadGivenPfx(CertificateResource value, bool exportable)
        {
            byte[] bytes;
            try
            {
                bytes = value.PfxBase64 != null ? Convert.FromBase64String(value.PfxBase64) : File.ReadAllBytes(value.PfxPath!);
            }
            catch (FormatException)
            {
                throw new ResourceInputException("pfxBase64: not base64.");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ResourceInputException($"pfxPath: {value.PfxPath} cannot be read: {e.Message}");
            }

            X509Certificate2 certificate;
            try
            {
                certificate = new X509Certificate2(bytes, value.Password, exportable ? X509KeyStorageFlags.Exportable : X509KeyStorageFlags.DefaultKeySet);
            }
            catch (CryptographicException)
            {
                // The runtime's message is about the password or the format; the password is never quoted.
                throw new ResourceInputException("password: the PFX given cannot be read with it (or it is not a PFX).");
            }

            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new ResourceInputException("pfxPath: the PFX given holds no private key; RTMPS needs one.");
            }

            return certificate;
        }

        // The installed certificate, loaded as the running instance loads it; null when there is none, or
        // the instance could not load it either (a wrong password, a broken file).
        private static X509Certificate2? Load(InstanceLayout layout)
        {
            var file = layout.Resolve(InstanceLayout.CertificateFile);
            var password = layout.Resolve(InstanceLayout.CertificatePasswordFile);
            if (!File.Exists(file) || !File.Exists(password))
            {
                return null;
            }

            try
            {
                return ServerCertificate.Load(file, null, SecretSource.Read(new FileInfo(password), null));
            }
            catch (CertificateLoadException)
            {
                return null;
            }
        }

        private static CertificateSource SourceOf(CertificateRecord record) => record.Source == "pfx" ? CertificateSource.Pfx : CertificateSource.SelfSigned;

        // The instance's own PFX password: made once (32 random bytes) and kept, so a renewal changes only the PFX.
        private static string Password(InstanceLayout layout)
        {
            var file = layout.Resolve(InstanceLayout.CertificatePasswordFile);
            if (File.Exists(file))
            {
                return SecretSource.Read(new FileInfo(file), null)!;
            }

            var bytes = new byte[32];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            var password = Convert.ToBase64String(bytes);
            OwnerOnly.WriteSecret(file, password);
            return password;
        }

        private static CertificateRecord Record(InstanceLayout layout)
        {
            var file = layout.Resolve(InstanceLayout.CertificateRecordFile);
            try
            {
                return File.Exists(file) ? EngineJson.Deserialize<CertificateRecord>(File.ReadAllText(file)) ?? new CertificateRecord() : new CertificateRecord();
            }
            catch (JsonException)
            {
                return new CertificateRecord();
            }
        }

        private double DaysLeft(CertificateResource actual)
            => (DateTimeOffset.Parse(actual.NotAfter!, CultureInfo.InvariantCulture) - _now()).TotalDays;

        private static string NormalAddress(string text) => IPAddress.TryParse(text, out var address) ? address.ToString() : text;

        private static bool InStore(string thumbprint)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return false;
            }

            using var store = new X509Store(StoreName.My, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadOnly);
            return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, false).Count > 0;
        }

        // CertificateDsc's PfxImport: the certificate with its key, persisted in the machine's key store.
        private static void Import(InstanceLayout layout, string thumbprint, OperationLog log)
        {
            using var certificate = new X509Certificate2(File.ReadAllBytes(layout.Resolve(InstanceLayout.CertificateFile)), Password(layout), X509KeyStorageFlags.MachineKeySet | X509KeyStorageFlags.PersistKeySet);
            using var store = new X509Store(StoreName.My, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadWrite);
            store.Add(certificate);
            log.Info($"imported {thumbprint} into LocalMachine\\My");
        }
    }
}
