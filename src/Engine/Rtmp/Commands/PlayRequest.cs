namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>A client's play command, for the host to accept or reject.</summary>
    public sealed class PlayRequest
    {
        /// <summary>Creates a request.</summary>
        public PlayRequest(uint streamId, StreamName name, double start, double duration, bool reset)
        {
            StreamId = streamId;
            Name = name;
            Start = start;
            Duration = duration;
            Reset = reset;
        }

        /// <summary>The message stream the media goes to.</summary>
        public uint StreamId { get; }

        /// <summary>The stream name and its query.</summary>
        public StreamName Name { get; }

        /// <summary>-2 live or recorded, -1 live only, ≥ 0 recorded from that second (RTMP 1.0 §7.2.2.1).</summary>
        public double Start { get; }

        /// <summary>-1 until the end, 0 a single frame, &gt; 0 that many seconds.</summary>
        public double Duration { get; }

        /// <summary>Whether earlier play commands are flushed.</summary>
        public bool Reset { get; }
    }
}
