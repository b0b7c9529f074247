using System.IO;
using System.Runtime.InteropServices;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// Files only their owner may read (mode 0600) on Unix, for keys and destination URLs, and the
    /// modes of an installed program. netstandard2.0 has
    /// no File.SetUnixFileMode, so chmod is called from libc; on Windows the folder's inherited ACL
    /// (ProgramData: administrators and SYSTEM) applies.
    /// </summary>
    internal static class OwnerOnly
    {
        private const int OwnerReadWrite = 0x180; // 0600

        private const int OwnerAll = 0x1C0; // 0700

        /// <summary>Writes a secret and a line break to <paramref name="file"/> atomically, file and folder owner-only; false when the file held it already.</summary>
        public static bool WriteSecret(string file, string secret)
        {
            var folder = Path.GetDirectoryName(file)!;
            Directory.CreateDirectory(folder);
            Restrict(folder, directory: true);
            return AtomicFile.WriteIfChanged(file, secret + "\n", ownerOnly: true);
        }

        /// <summary>Sets 0600 (0700 for a folder) on Unix; nothing on Windows.</summary>
        public static void Restrict(string path, bool directory)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return;
            }

            if (chmod(path, directory ? OwnerAll : OwnerReadWrite) != 0)
            {
                throw new IOException($"Cannot restrict {path} to its owner (chmod failed, errno {Marshal.GetLastWin32Error()}).");
            }
        }

        /// <summary>Sets 0755 on Unix (a program everyone may run, only its owner change); nothing on Windows.</summary>
        public static void MakeExecutable(string path)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && chmod(path, 0x1ED) != 0)
            {
                throw new IOException($"Cannot make {path} executable (chmod failed, errno {Marshal.GetLastWin32Error()}).");
            }
        }

        [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // The C function's name.
        private static extern int chmod(string path, int mode);
#pragma warning restore SA1300, IDE1006
    }
}
