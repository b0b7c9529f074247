namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>A client's publish command, for the host to accept or reject.</summary>
    public sealed class PublishRequest
    {
        /// <summary>Creates a request.</summary>
        public PublishRequest(uint streamId, StreamName name, string publishType)
        {
            StreamId = streamId;
            Name = name;
            PublishType = publishType;
        }

        /// <summary>The message stream the client publishes on.</summary>
        public uint StreamId { get; }

        /// <summary>The stream name and its query.</summary>
        public StreamName Name { get; }

        /// <summary>"live", "record" or "append" as the client sent it.</summary>
        public string PublishType { get; }
    }
}
