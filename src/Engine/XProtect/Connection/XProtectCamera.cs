using System;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>A camera as the API Gateway lists it. <see cref="Id"/> is what <c>Get-VmsCamera</c> objects carry too.</summary>
    public sealed class XProtectCamera
    {
        /// <summary>Creates a camera.</summary>
        public XProtectCamera(Guid id, string name, string displayName, bool enabled, Guid? hardwareId)
        {
            Id = id;
            Name = name ?? string.Empty;
            DisplayName = string.IsNullOrEmpty(displayName) ? Name : displayName;
            Enabled = enabled;
            HardwareId = hardwareId;
        }

        /// <summary>The camera's id.</summary>
        public Guid Id { get; }

        /// <summary>The configured name, unique on a management server.</summary>
        public string Name { get; }

        /// <summary>The name shown to operators; the configured name when there is none.</summary>
        public string DisplayName { get; }

        /// <summary>Whether the camera is enabled; disabled cameras are listed too.</summary>
        public bool Enabled { get; }

        /// <summary>The hardware the camera belongs to (relations.parent), when known.</summary>
        public Guid? HardwareId { get; }
    }
}
