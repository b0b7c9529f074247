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

        /// <summary>
        /// The file that says a folder is an instance's root, and whose: written at install, read before
        /// anything in the folder is replaced or deleted, so no other folder is ever taken for one.
        /// </summary>
        public const string MarkerFile = ".rtmpx-instance";

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

        /// <summary>ROOT/.rtmpx-instance.</summary>
        public string Marker => Path.Combine(Root, MarkerFile);

        /// <summary>Whether <paramref name="directory"/> is an instance's root (it holds the marker).</summary>
        public static bool IsRoot(string directory) => File.Exists(Path.Combine(directory, MarkerFile));

        /// <summary>The instance the marker names; null when the folder is no instance's root.</summary>
        public string? MarkedFor()
        {
            try
            {
                return File.Exists(Marker) ? File.ReadAllText(Marker).Trim() : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        /// <summary>Whether the root holds nothing yet (or does not exist).</summary>
        public bool IsEmpty => !Directory.Exists(Root) || Directory.GetFileSystemEntries(Root).Length == 0;

        /// <summary>A path under the root from one relative to it ("certs/rtmps.pfx").</summary>
        public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

        /// <summary>
        /// Creates the folders that are missing and marks the root as <paramref name="instance"/>'s;
        /// secrets/ and certs/ readable by the owner only. On Windows a new root gets an ACL of its own
        /// instead of the inherited one (which lets every user read it, and under C:\ change it): SYSTEM
        /// and Administrators full control, Users read and execute on bin/ only.
        /// </summary>
        public void CreateFolders(string instance)
        {
            var created = !Directory.Exists(Root);
            foreach (var (folder, restricted) in new[] { (Root, false), (Bin, false), (Certs, true), (Secrets, true), (Logs, false), (Recordings, false) })
            {
                Directory.CreateDirectory(folder);
                if (restricted)
                {
                    OwnerOnly.Restrict(folder, directory: true);
                }
            }

            AtomicFile.WriteIfChanged(Marker, instance + "\n", ownerOnly: false);
            if (created && RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                WindowsAcl.Restrict(Root, Bin);
            }
        }
    }
}
