using System;
using RtmpXProtect.Engine.XProtect.Connection;

namespace RtmpXProtect.PSModule.XProtect
{
    /// <summary>A camera of an XProtect site, as Get-RtmpXProtectCamera writes it; Id and Name bind to the stream and export cmdlets.</summary>
    public sealed class RtmpXProtectCameraInfo
    {
        internal RtmpXProtectCameraInfo(XProtectCamera camera, string server)
        {
            Id = camera.Id;
            Name = camera.Name;
            DisplayName = camera.DisplayName;
            Enabled = camera.Enabled;
            Server = server;
        }

        /// <summary>The camera's id, as Get-VmsCamera's.</summary>
        public Guid Id { get; }

        /// <summary>The configured name.</summary>
        public string Name { get; }

        /// <summary>The name shown to operators.</summary>
        public string DisplayName { get; }

        /// <summary>Whether the camera is enabled.</summary>
        public bool Enabled { get; }

        /// <summary>The management server (scheme, host and port).</summary>
        public string Server { get; }

        /// <summary>The stream source text for this camera: xprotect:ID.</summary>
        public string Source => "xprotect:" + Id.ToString("D");
    }
}
