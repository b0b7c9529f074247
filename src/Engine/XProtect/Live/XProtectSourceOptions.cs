using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.ImageServer;

namespace RtmpXProtect.Engine.XProtect.Live
{
    /// <summary>What an <see cref="XProtectLiveSource"/> connects with.</summary>
    public sealed class XProtectSourceOptions
    {
        /// <summary>The management server and the user.</summary>
        public XProtectServerOptions Server { get; set; } = new XProtectServerOptions();

        /// <summary>How the ImageServer socket behaves; its certificate policy follows <see cref="Server"/>'s.</summary>
        public ImageServerClientOptions ImageServer { get; set; } = new ImageServerClientOptions();
    }
}
