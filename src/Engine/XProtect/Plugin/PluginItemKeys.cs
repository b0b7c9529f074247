namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>The keys of a <see cref="PluginItem"/>'s property bag; validation errors name them.</summary>
    public static class PluginItemKeys
    {
        /// <summary>The camera's id, a GUID: the stream's source is xprotect:ID.</summary>
        public const string CameraId = "cameraId";

        /// <summary>The camera's name, for the System Log and the detail view.</summary>
        public const string CameraName = "cameraName";

        /// <summary>The destinations, one masked URL a line (rtmp://host:1935/app/****): what the Management Client shows.</summary>
        public const string Destinations = "destinations";

        /// <summary>Where the full URLs (with their keys) are kept: the reference <see cref="IStreamKeyStore.Save"/> returned.</summary>
        public const string KeyReference = "keyReference";

        /// <summary>"true" to accept destination certificates that do not validate; "false" by default.</summary>
        public const string AllowUntrustedCertificate = "allowUntrustedCertificate";

        /// <summary>"false" keeps the item but runs nothing; "true" by default.</summary>
        public const string Enabled = "enabled";

        /// <summary>The audio mode by name (Auto, Passthrough, Silent, None); Auto by default.</summary>
        public const string Audio = "audio";
    }
}
