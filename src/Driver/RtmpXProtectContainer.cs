using System;
using VideoOS.Platform.DriverFramework;

namespace RtmpXProtect.Driver
{
    /// <summary>One hardware: the managers the Recording Server talks to.</summary>
    public sealed class RtmpXProtectContainer : Container
    {
        /// <summary>Creates the managers of the hardware at <paramref name="uri"/>.</summary>
        public RtmpXProtectContainer(DriverDefinition definition, Uri uri)
            : base(definition)
        {
            HardwareUri = uri;
            Connection = new RtmpXProtectConnectionManager(this);
            ConnectionManager = Connection;
            StreamManager = new RtmpXProtectStreamManager(this);
            ConfigurationManager = new RtmpXProtectConfigurationManager(this);
        }

        /// <summary>The address and port from Add Hardware.</summary>
        public Uri HardwareUri { get; }

        /// <summary>The connection manager, which owns the engine's driver.</summary>
        internal RtmpXProtectConnectionManager Connection { get; }
    }
}
