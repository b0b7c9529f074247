using System;
using System.Linq;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>What a status shows of a definition: the source and destinations with their keys masked.</summary>
    internal static class RelayStatuses
    {
        public static RelayStatus Idle(StreamDefinition definition, StreamerState state)
            => new RelayStatus(definition.Name, ShownSource(definition.Source), definition.Destinations.Select(d => d.Shown).ToList(), definition.Enabled, state, null, null, 0, null, 0, 0, 0, 0, 0, null);

        // An RTMP source URL carries a key like a destination; a file path or ingest path does not.
        public static string ShownSource(string source)
            => source.StartsWith("rtmp://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("rtmps://", StringComparison.OrdinalIgnoreCase)
                ? DestinationDefinition.Mask(source)
                : source;
    }
}
