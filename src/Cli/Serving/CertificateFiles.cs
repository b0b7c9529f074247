using System.IO;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>Where the RTMPS certificate and its password are read from; a reload compares these to know whether to read it again.</summary>
    internal sealed record CertificateFiles(FileInfo Certificate, FileInfo? Key, FileInfo? PasswordFile, string? PasswordEnvironment)
    {
        /// <summary>Compares by path, as FileInfo compares by reference.</summary>
        public bool SameAs(CertificateFiles? other)
            => other != null && Certificate.FullName == other.Certificate.FullName && Key?.FullName == other.Key?.FullName
               && PasswordFile?.FullName == other.PasswordFile?.FullName && PasswordEnvironment == other.PasswordEnvironment;
    }
}
