using System;
using System.IO;
using System.Linq;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// Writes a file the way a running server and a repeated apply both need: not at all when it
    /// already holds those bytes (a second apply rewrites nothing, so no reload is triggered), else
    /// through a temporary file renamed over the old one (a reader never sees half a file).
    /// </summary>
    internal static class AtomicFile
    {
        /// <summary>True when the file was written; false when it already held <paramref name="content"/>.</summary>
        /// <param name="path">The file.</param>
        /// <param name="content">Its new bytes.</param>
        /// <param name="ownerOnly">Readable by its owner only (keys, passwords, certificates).</param>
        public static bool WriteIfChanged(string path, byte[] content, bool ownerOnly)
        {
            if (File.Exists(path) && File.ReadAllBytes(path).SequenceEqual(content))
            {
                if (ownerOnly)
                {
                    OwnerOnly.Restrict(path, directory: false);
                }

                return false;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + ".tmp-" + Guid.NewGuid().ToString("N"));
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    if (ownerOnly)
                    {
                        OwnerOnly.Restrict(temporary, directory: false);
                    }

                    file.Write(content, 0, content.Length);
                    file.Flush(flushToDisk: true);
                }

                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            return true;
        }

        /// <summary>UTF-8 text (no BOM) written as <see cref="WriteIfChanged(string, byte[], bool)"/> does.</summary>
        public static bool WriteIfChanged(string path, string text, bool ownerOnly)
            => WriteIfChanged(path, new System.Text.UTF8Encoding(false).GetBytes(text), ownerOnly);
    }
}
