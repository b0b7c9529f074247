using System;
using System.IO;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// What an instance installs from: a folder or a .zip holding a self-contained rtmpx (no .NET
    /// needed on the server) and its <see cref="PackageManifest"/>. `build.ps1 -Task Package` makes
    /// them for linux-x64 and win-x64.
    /// </summary>
    public sealed class RtmpxPackage
    {
        private RtmpxPackage(string path, PackageManifest manifest)
        {
            Path = path;
            Manifest = manifest;
        }

        /// <summary>The folder or zip.</summary>
        public string Path { get; }

        /// <summary>Which rtmpx it holds.</summary>
        public PackageManifest Manifest { get; }

        /// <summary>The runtime identifier of this machine ("linux-x64").</summary>
        public static string HostRuntime =>
            (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx" : "linux")
            + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

        /// <summary>Reads the package at <paramref name="path"/>.</summary>
        /// <exception cref="ResourceInputException">There is no package there, or it is for another OS.</exception>
        public static RtmpxPackage Open(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            PackageManifest? manifest;
            try
            {
                if (Directory.Exists(full))
                {
                    var file = System.IO.Path.Combine(full, PackageManifest.FileName);
                    manifest = File.Exists(file) ? Parse(File.ReadAllText(file)) : null;
                }
                else if (File.Exists(full))
                {
                    using var zip = ZipFile.OpenRead(full);
                    var entry = zip.GetEntry(PackageManifest.FileName);
                    using var reader = entry == null ? null : new StreamReader(entry.Open());
                    manifest = reader == null ? null : Parse(reader.ReadToEnd());
                }
                else
                {
                    throw new ResourceInputException($"package: {full} does not exist.");
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException || e is JsonException)
            {
                throw new ResourceInputException($"package: {full} cannot be read: {e.Message}");
            }

            if (manifest == null || manifest.Name != "rtmpx" || string.IsNullOrWhiteSpace(manifest.Version))
            {
                throw new ResourceInputException($"package: {full} is not an rtmpx package (it has no {PackageManifest.FileName} naming rtmpx and its version).");
            }

            if (!string.Equals(manifest.Runtime, HostRuntime, StringComparison.OrdinalIgnoreCase))
            {
                throw new ResourceInputException($"package: {full} is rtmpx {manifest.Version} for {manifest.Runtime}; this machine needs {HostRuntime}.");
            }

            return new RtmpxPackage(full, manifest);
        }

        /// <summary>The manifest of the rtmpx installed in <paramref name="bin"/>; null when none is.</summary>
        public static PackageManifest? Installed(string bin)
        {
            var file = System.IO.Path.Combine(bin, PackageManifest.FileName);
            try
            {
                return File.Exists(file) ? Parse(File.ReadAllText(file)) : null;
            }
            catch (Exception e) when (e is IOException || e is JsonException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>Copies or extracts the package into <paramref name="directory"/>, which must not exist, and makes rtmpx runnable.</summary>
        public void ExtractTo(string directory)
        {
            if (Directory.Exists(Path))
            {
                Copy(Path, directory);
            }
            else
            {
                ZipFile.ExtractToDirectory(Path, directory);
            }

            var executable = System.IO.Path.Combine(directory, RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "rtmpx.exe" : "rtmpx");
            if (!File.Exists(executable))
            {
                throw new ResourceInputException($"package: {Path} holds no {System.IO.Path.GetFileName(executable)}.");
            }

            OwnerOnly.MakeExecutable(executable);
        }

        private static PackageManifest? Parse(string json) => EngineJson.Deserialize<PackageManifest>(json);

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
            }

            foreach (var folder in Directory.GetDirectories(from))
            {
                Copy(folder, System.IO.Path.Combine(to, System.IO.Path.GetFileName(folder)));
            }
        }
    }
}
