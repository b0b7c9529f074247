using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// The files of the RTMPS certificate. The password itself is never in the file: only where to
    /// read it, so the configuration can be shown and logged without it.
    /// </summary>
    public sealed class CertificateSection
    {
        /// <summary>A PFX file, or a PEM certificate (with its key in it or in <see cref="KeyPath"/>).</summary>
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        /// <summary>The PEM private key of a PEM certificate, when it is in a file of its own.</summary>
        [JsonPropertyName("keyPath")]
        public string? KeyPath { get; set; }

        /// <summary>A file holding the PFX (or encrypted PEM key) password.</summary>
        [JsonPropertyName("passwordFile")]
        public string? PasswordFile { get; set; }

        /// <summary>An environment variable holding the PFX (or encrypted PEM key) password.</summary>
        [JsonPropertyName("passwordEnv")]
        public string? PasswordEnv { get; set; }
    }
}
