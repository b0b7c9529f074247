using System.Text.Json.Serialization;

namespace RtmpXProtect.Engine.Management.Certificates
{
    /// <summary>certs/rtmps.json: how the installed certificate was made, which the certificate itself does not say.</summary>
    internal sealed class CertificateRecord
    {
        [JsonPropertyName("source")]
        public string Source { get; set; } = "selfSigned";

        [JsonPropertyName("validDays")]
        public int ValidDays { get; set; } = 365;

        [JsonPropertyName("renewDaysBefore")]
        public int RenewDaysBefore { get; set; } = 30;

        [JsonPropertyName("store")]
        public string? Store { get; set; }
    }
}
