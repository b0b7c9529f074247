using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// What an administrator entered in the item's detail view. A destination may be given again as
    /// the masked URL the view showed (rtmp://host:1935/app/****): the URL kept for it stays.
    /// </summary>
    public sealed class PluginItemEntry
    {
        /// <summary>The camera's id.</summary>
        public Guid CameraId { get; set; }

        /// <summary>The camera's name, for the System Log and the detail view.</summary>
        public string CameraName { get; set; } = string.Empty;

        /// <summary>Full rtmp(s):// URLs with their keys, or the masked URLs of destinations left as they were.</summary>
        public List<string> Destinations { get; set; } = new List<string>();

        /// <summary>Accept destination certificates that do not validate.</summary>
        public bool AllowUntrustedCertificate { get; set; }

        /// <summary>Run the stream.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>What is sent as audio.</summary>
        public AudioMode Audio { get; set; } = AudioMode.Auto;
    }
}
