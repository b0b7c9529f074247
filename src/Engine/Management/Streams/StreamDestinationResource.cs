using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Streams
{
    /// <summary>One destination of an RtmpXProtect/Stream.</summary>
    public sealed class StreamDestinationResource
    {
        /// <summary>The URL with its key; stored in secrets/, compared without being shown.</summary>
        [ResourceProperty("url", "The rtmp:// or rtmps:// URL with its stream key; stored in the instance's secrets/ and never shown.", WriteOnly = true, Secret = true)]
        public string? Url { get; set; }

        /// <summary>A file holding the URL, relative to the instance's rtmpx.json.</summary>
        [ResourceProperty("urlFile", "A file holding the URL, relative to the instance's root.")]
        public string? UrlFile { get; set; }

        /// <summary>An environment variable of the instance's service holding the URL.</summary>
        [ResourceProperty("urlEnv", "An environment variable (of the instance's service) holding the URL.")]
        public string? UrlEnv { get; set; }

        /// <summary>Accept a certificate that does not validate.</summary>
        [ResourceProperty("allowUntrustedCertificate", "Accept an rtmps:// server whose certificate does not validate (a self-signed test server). Default false.")]
        public bool? AllowUntrustedCertificate { get; set; }

        /// <summary>The URL masked.</summary>
        [ResourceProperty("shown", "The URL with its stream key masked (rtmp://host:1935/live2/****).", ReadOnly = true)]
        public string? Shown { get; set; }
    }
}
