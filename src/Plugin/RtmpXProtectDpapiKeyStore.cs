using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RtmpXProtect.Engine.XProtect.Plugin;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// The Event Server's stream key store (see <see cref="IStreamKeyStore"/> for why not the item's
    /// properties): each item's URLs protected with DPAPI for this machine, one file per item in a
    /// <see cref="RtmpXProtectPrivateFolder"/>.
    /// </summary>
    internal sealed class RtmpXProtectDpapiKeyStore : IStreamKeyStore
    {
        // Ties the blobs to this use: another program on the machine calling Unprotect without it gets nothing.
        private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("RtmpXProtect.Plugin.StreamKeys.v1");
        private readonly string _folder;
        private readonly object _gate = new object();

        /// <summary>A store in <paramref name="folder"/> (%ProgramData%\RtmpXProtect\plugin\keys); created and locked down on first save.</summary>
        public RtmpXProtectDpapiKeyStore(string folder)
        {
            _folder = Path.GetFullPath(folder);
        }

        /// <inheritdoc />
        public string Save(Guid itemId, IReadOnlyList<string> destinationUrls)
        {
            var plain = JsonSerializer.SerializeToUtf8Bytes(destinationUrls);
            byte[] sealedUrls;
            try
            {
                sealedUrls = ProtectedData.Protect(plain, Entropy, DataProtectionScope.LocalMachine);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }

            lock (_gate)
            {
                // Every save: an administrator widening the folder's access is undone with the next key.
                RtmpXProtectPrivateFolder.Restrict(_folder);
                var file = FileOf(itemId);
                var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    stream.Write(sealedUrls, 0, sealedUrls.Length);
                    stream.Flush(true);
                }

                // Replace, not delete-and-move: a reader never sees the item without its file.
                if (File.Exists(file))
                {
                    File.Replace(temporary, file, null);
                }
                else
                {
                    File.Move(temporary, file);
                }
            }

            return "dpapi:" + itemId.ToString("D");
        }

        /// <inheritdoc />
        public IReadOnlyList<string> Load(Guid itemId)
        {
            byte[] sealedUrls;
            lock (_gate)
            {
                var file = FileOf(itemId);
                if (!File.Exists(file))
                {
                    return null;
                }

                sealedUrls = File.ReadAllBytes(file);
            }

            byte[] plain;
            try
            {
                plain = ProtectedData.Unprotect(sealedUrls, Entropy, DataProtectionScope.LocalMachine);
            }
            catch (CryptographicException)
            {
                // Sealed on another machine (a restored backup, a moved Event Server): as good as none kept.
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<string[]>(plain);
            }
            catch (JsonException)
            {
                return null;
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        /// <inheritdoc />
        public void Delete(Guid itemId)
        {
            lock (_gate)
            {
                var file = FileOf(itemId);
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }

        private string FileOf(Guid itemId) => Path.Combine(_folder, itemId.ToString("D") + ".bin");
    }
}
