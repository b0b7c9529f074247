using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// Signed URLs and the access callback. The signing secret, like the certificate password, is
    /// named by where to read it, never written here.
    /// </summary>
    public sealed class AuthSection
    {
        /// <summary>A file holding the secret signed URLs are checked with.</summary>
        [JsonPropertyName("signingSecretFile")]
        public string? SigningSecretFile { get; set; }

        /// <summary>An environment variable holding the signing secret.</summary>
        [JsonPropertyName("signingSecretEnv")]
        public string? SigningSecretEnv { get; set; }

        /// <summary>An http(s) URL asked about requests no key or signed URL allowed.</summary>
        [JsonPropertyName("callbackUrl")]
        public string? CallbackUrl { get; set; }

        /// <summary>Seconds the callback may take before the request is refused.</summary>
        [JsonPropertyName("callbackTimeoutSeconds")]
        public int CallbackTimeoutSeconds { get; set; } = (int)new RtmpXProtect.Engine.Server.Access.AccessPolicy().CallbackTimeout.TotalSeconds;

        /// <summary>Whether players need a key or signed URL too.</summary>
        [JsonPropertyName("playRequiresKey")]
        public bool PlayRequiresKey { get; set; }
    }
}
