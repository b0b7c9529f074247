namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>The parameter names of System Log entries; none ever carries a key.</summary>
    public static class SystemLogParameter
    {
        /// <summary>The camera's name.</summary>
        public const string CameraName = "CameraName";

        /// <summary>The destination, masked (rtmp://host:1935/app/****).</summary>
        public const string Destination = "Destination";

        /// <summary>Why, masked.</summary>
        public const string Reason = "Reason";

        /// <summary>How many streams the plugin runs.</summary>
        public const string Streams = "Streams";
    }
}
