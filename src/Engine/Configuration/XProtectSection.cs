using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// The XProtect site that xprotect:CAMERA stream sources come from. The password itself is
    /// never in the file: only where to read it.
    /// </summary>
    public sealed class XProtectSection
    {
        /// <summary>The management server URL, e.g. https://vms.example.com; null when no XProtect is used.</summary>
        [JsonPropertyName("server")]
        public string? Server { get; set; }

        /// <summary>A basic user, or with <see cref="WindowsUser"/> a Windows account (DOMAIN\user); empty with windowsUser means the account rtmpx runs as.</summary>
        [JsonPropertyName("user")]
        public string? User { get; set; }

        /// <summary>Log in as a Windows user (Negotiate) instead of a basic user.</summary>
        [JsonPropertyName("windowsUser")]
        public bool WindowsUser { get; set; }

        /// <summary>A file holding the password.</summary>
        [JsonPropertyName("passwordFile")]
        public string? PasswordFile { get; set; }

        /// <summary>An environment variable holding the password.</summary>
        [JsonPropertyName("passwordEnv")]
        public string? PasswordEnv { get; set; }

        /// <summary>Accept management and recording server certificates that do not validate (lab servers).</summary>
        [JsonPropertyName("allowUntrustedCertificate")]
        public bool AllowUntrustedCertificate { get; set; }
    }
}
