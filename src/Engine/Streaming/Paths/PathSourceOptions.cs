using System;
using RtmpXProtect.Engine.Streaming.Sources;

namespace RtmpXProtect.Engine.Streaming.Paths
{
    /// <summary>A path whose video comes from a source URL or file rather than a publisher.</summary>
    public sealed class PathSourceOptions : IEquatable<PathSourceOptions>
    {
        /// <summary>Creates the options of one path.</summary>
        public PathSourceOptions(string path, string source, bool onDemand, TimeSpan closeAfter, RtspSourceTransport rtspTransport = RtspSourceTransport.Tcp)
        {
            RtspTransport = rtspTransport;
            Path = path;
            Source = source;
            OnDemand = onDemand;
            CloseAfter = closeAfter;
        }

        /// <summary>"app/stream" the source publishes to.</summary>
        public string Path { get; }

        /// <summary>The source, as the streamer takes it (rtsp://, rtmp://, an .flv or .mp4 file); may hold credentials.</summary>
        public string Source { get; }

        /// <summary>Started at the first reader and stopped <see cref="CloseAfter"/> after the last, rather than always on.</summary>
        public bool OnDemand { get; }

        /// <summary>How long an on-demand source runs on without readers.</summary>
        public TimeSpan CloseAfter { get; }

        /// <summary>What an rtsp:// source's RTP comes over (ignored for other sources).</summary>
        public RtspSourceTransport RtspTransport { get; }

        /// <inheritdoc />
        public bool Equals(PathSourceOptions? other) => other != null && Path == other.Path && Source == other.Source && OnDemand == other.OnDemand && CloseAfter == other.CloseAfter && RtspTransport == other.RtspTransport;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as PathSourceOptions);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ (int)RtspTransport;
    }
}
