using System;
using System.IO;
using System.Runtime.InteropServices;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// The one folder an rtmpx instance lives in, its root: bin/ (the rtmpx it runs), rtmpx.json,
    /// certs/, secrets/, logs/ and recordings/. Its service runs ROOT/bin/rtmpx serve --config
    /// ROOT/rtmpx.json, so everything it reads is found from the root and nothing from elsewhere.
    /// </summary>
    public sealed class InstanceLayout
    {
        /// <summary>The folder, under the root, of keys, passwords and destination URLs (owner only).</summary>
        public const string SecretsFolder = "secrets";

        /// <summary>Where the RTMPS certificate is, relative to the root (what rtmpx.json names).</summary>
        public const string CertificateFile = "certs/rtmps.pfx";

        /// <summary>Where its password is, relative to the root.</summary>
        public const string CertificatePasswordFile = "secrets/rtmps.password";

        /// <summary>What the certificate was made from (source, names), relative to the root.</summary>
        public const string CertificateRecordFile = "certs/rtmps.json";

        /// <summary>The layout of the instance rooted at <paramref name="root"/> (made absolute).</summary>
        public InstanceLayout(string root)
        {
            if (string.IsNullOrWhiteSpace(root))
            {
                throw new ArgumentException("An instance needs a root folder.", nameof(root));
            }

            Root = Path.GetFullPath(root);
        }

        /// <summary>The root folder.</summary>
        public string Root { get; }

        /// <summary>ROOT/bin: the rtmpx the instance runs, from its package.</summary>
        public string Bin => Path.Combine(Root, "bin");

        /// <summary>ROOT/bin/rtmpx (rtmpx.exe on Windows).</summary>
        public string Executable => Path.Combine(Bin, RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "rtmpx.exe" : "rtmpx");

        /// <summary>ROOT/rtmpx.json.</summary>
        public string ConfigFile => Path.Combine(Root, "rtmpx.json");

        /// <summary>ROOT/certs.</summary>
        public string Certs => Path.Combine(Root, "certs");

        /// <summary>ROOT/secrets.</summary>
        public string Secrets => Path.Combine(Root, SecretsFolder);

        /// <summary>ROOT/logs.</summary>
        public string Logs => Path.Combine(Root, "logs");

        /// <summary>ROOT/recordings.</summary>
        public string Recordings => Path.Combine(Root, "recordings");

        /// <summary>Whether <paramref name="directory"/> is laid out as an instance root (bin/ and secrets/ in it).</summary>
        public static bool IsRoot(string directory)
            => Directory.Exists(Path.Combine(directory, "bin")) && Directory.Exists(Path.Combine(directory, SecretsFolder));

        /// <summary>A path under the root from one relative to it ("certs/rtmps.pfx").</summary>
        public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

        /// <summary>Creates the folders that are missing; secrets/ and certs/ readable by the owner only. True when one was created.</summary>
        public bool CreateFolders()
        {
            var created = false;
            foreach (var (folder, restricted) in new[] { (Root, false), (Bin, false), (Certs, true), (Secrets, true), (Logs, false), (Recordings, false) })
            {
                if (!Directory.Exists(folder))
                {
                    Directory.CreateDirectory(folder);
                    created = true;
                }

                if (restricted)
                {
                    OwnerOnly.Restrict(folder, directory: true);
                }
            }

            return created;
        }
    }
}
