using System.Collections.Generic;
using System.IO;

namespace RtmpXProtect.Engine.Hosting
{
    /// <summary>
    /// Where the RTMPS certificate and its password are read from; a reload compares these, and what
    /// the files held when they were read, to know whether to read the certificate again.
    /// </summary>
    /// <param name="Certificate">The PFX or PEM certificate.</param>
    /// <param name="Key">The PEM key, when it is a file of its own.</param>
    /// <param name="PasswordFile">The file holding the password.</param>
    /// <param name="PasswordEnvironment">The environment variable holding the password.</param>
    public sealed record CertificateFiles(FileInfo Certificate, FileInfo? Key, FileInfo? PasswordFile, string? PasswordEnvironment)
    {
        /// <summary>The files that make the certificate: a change to any of them (a renewal written in place, a new password) is a new certificate.</summary>
        public IReadOnlyList<FileInfo> Files
        {
            get
            {
                var files = new List<FileInfo> { Certificate };
                if (Key != null)
                {
                    files.Add(Key);
                }

                if (PasswordFile != null)
                {
                    files.Add(PasswordFile);
                }

                return files;
            }
        }

        /// <summary>Whether the certificate file exists: an instance may name it before it is provisioned.</summary>
        public bool Exists => File.Exists(Certificate.FullName);

        /// <summary>Path, size and last write time of every file, and the password's variable, read now: equal stamps mean the same certificate.</summary>
        public string Stamp()
        {
            var stamp = new System.Text.StringBuilder();
            foreach (var file in Files)
            {
                var info = new FileInfo(file.FullName);
                stamp.Append(info.FullName).Append('|');
                stamp.Append(info.Exists ? info.Length + "|" + info.LastWriteTimeUtc.Ticks : "missing").Append(';');
            }

            return stamp.Append("env|").Append(PasswordEnvironment).ToString();
        }
    }
}
