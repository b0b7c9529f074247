using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>
    /// What Get-RtmpStream shows: the configured stream with its destinations masked (a key never
    /// reaches the console) and, when a server answers, the state it is running in.
    /// </summary>
    public sealed class RtmpStreamInfo
    {
        internal RtmpStreamInfo(StreamDefinition definition, StreamerStatus? status)
        {
            Name = definition.Name;
            Source = definition.ShownSource;
            Enabled = definition.Enabled;
            Audio = definition.Audio;
            Video = definition.Video;
            Destinations = definition.Destinations.Select(d => d.Shown).ToList();
            State = status?.State;
            BitrateKbps = status?.BitrateKbps;
            LastError = status?.LastError;
            Status = status;
        }

        /// <summary>The stream's name: -Name of the other stream cmdlets binds to it from the pipeline.</summary>
        public string Name { get; }

        /// <summary>Where the frames come from.</summary>
        public string Source { get; }

        /// <summary>Whether a running server runs it (Start-/Stop-RtmpStream).</summary>
        public bool Enabled { get; }

        /// <summary>What is sent as audio.</summary>
        public AudioMode Audio { get; }

        /// <summary>Which video is sent on.</summary>
        public VideoCodecPolicy Video { get; }

        /// <summary>Destinations with their stream keys masked.</summary>
        public IReadOnlyList<string> Destinations { get; }

        /// <summary>The running state, or null when no server answered or it does not run this stream.</summary>
        public StreamerState? State { get; }

        /// <summary>Outgoing bitrate while running.</summary>
        public long? BitrateKbps { get; }

        /// <summary>The last error the server reported for the stream (key-free).</summary>
        public string? LastError { get; }

        /// <summary>The server's full status of the stream, per destination, for Select-Object -ExpandProperty.</summary>
        public StreamerStatus? Status { get; }
    }
}
