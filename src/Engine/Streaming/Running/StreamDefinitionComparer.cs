using System;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>
    /// Compares stream definitions by value, so a reload restarts only the streams whose
    /// definition really changed (a new list object with the same content is no change).
    /// </summary>
    internal static class StreamDefinitionComparer
    {
        public static bool Same(StreamDefinition a, StreamDefinition b)
        {
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal)
                || !string.Equals(a.Source, b.Source, StringComparison.Ordinal)
                || a.Enabled != b.Enabled
                || a.Audio != b.Audio
                || a.Video != b.Video
                || a.Destinations.Count != b.Destinations.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Destinations.Count; i++)
            {
                if (!string.Equals(a.Destinations[i].Url, b.Destinations[i].Url, StringComparison.Ordinal)
                    || a.Destinations[i].AllowUntrustedCertificate != b.Destinations[i].AllowUntrustedCertificate)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A copy no caller can change behind the supervisor's back.</summary>
        public static StreamDefinition Copy(StreamDefinition d)
        {
            var copy = new StreamDefinition { Name = d.Name, Source = d.Source, Enabled = d.Enabled, Audio = d.Audio, Video = d.Video };
            foreach (var destination in d.Destinations)
            {
                copy.Destinations.Add(new DestinationDefinition { Url = destination.Url, AllowUntrustedCertificate = destination.AllowUntrustedCertificate });
            }

            return copy;
        }
    }
}
