using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtmp.Sessions
{
    /// <summary>What a client session sends in its connect command.</summary>
    public sealed class ClientSessionOptions
    {
        /// <summary>Creates options for an application and the URL it lives at.</summary>
        public ClientSessionOptions(string app, string tcUrl)
        {
            App = app;
            TcUrl = tcUrl;
        }

        /// <summary>The application ("live"), with its query when the server wants a key there.</summary>
        public string App { get; }

        /// <summary>The server URL up to the application (rtmp://host:port/live).</summary>
        public string TcUrl { get; }

        /// <summary>
        /// The name the client gives itself. "FMLE/3.0" is what servers recognise as an encoder
        /// (some only accept publishers that say so).
        /// </summary>
        public string FlashVersion { get; set; } = "FMLE/3.0 (compatible; rtmpx)";

        /// <summary>Outgoing chunk size, announced before connect. 4096 saves headers on video.</summary>
        public int ChunkSize { get; set; } = 4096;

        /// <summary>Enhanced RTMP codecs offered in connect (empty: a legacy connect).</summary>
        public IReadOnlyList<string> FourCcList { get; set; } = new[] { "avc1", "hvc1", "av01", "vp09" };

        /// <summary>Buffer length asked of the server when playing, in milliseconds.</summary>
        public uint PlayBufferMilliseconds { get; set; } = 1000;
    }
}
