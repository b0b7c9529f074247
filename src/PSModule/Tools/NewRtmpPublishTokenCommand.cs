using System;
using System.Management.Automation;
using System.Security;
using System.Text;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.PSModule.Tools
{
    /// <summary>
    /// New-RtmpPublishToken: an expiring signed publish URL (rtmpx token new), for a publisher that
    /// should not hold the long-lived secret. Computes only; changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "RtmpPublishToken", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public sealed class NewRtmpPublishTokenCommand : RtmpCmdlet
    {
        /// <summary>The path (app/stream) the URL may publish to.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; } = string.Empty;

        /// <summary>The server's base URL, e.g. rtmp://ingest.example.com:1935.</summary>
        [Parameter(Mandatory = true)]
        public string BaseUrl { get; set; } = string.Empty;

        /// <summary>The signing secret the server is configured with.</summary>
        [Parameter(Mandatory = true)]
        public SecureString? Secret { get; set; }

        /// <summary>How long the URL stays valid.</summary>
        [Parameter]
        public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

        /// <summary>Writes the signed URL (a credential until it expires: treat it as one).</summary>
        protected override void EndProcessing()
        {
            if (Ttl <= TimeSpan.Zero)
            {
                Fail(new PSArgumentOutOfRangeException(nameof(Ttl), Ttl, "-Ttl must be positive."), "TtlNotPositive", ErrorCategory.InvalidArgument, Ttl);
            }

            if (!ShouldProcess(Path, "Sign publish URL"))
            {
                return;
            }

            var secret = Encoding.UTF8.GetBytes(Secrets.Reveal(Secret!));
            try
            {
                WriteObject(PublishTokens.CreateUrl(BaseUrl, Path, secret, Ttl, DateTimeOffset.UtcNow));
            }
            catch (ArgumentException e)
            {
                Fail(e, "TokenNotCreated", ErrorCategory.InvalidArgument, Path);
            }
            finally
            {
                Array.Clear(secret, 0, secret.Length);
            }
        }
    }
}
