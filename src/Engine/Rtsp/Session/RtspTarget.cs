using System;
using System.Globalization;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// What a request URL names: the path ("live/cam1"), its query (where a play key or a
    /// signature travels) and, for SETUP, the track. Players build a track's URL by appending
    /// "/trackID=N" to the URL they described, so a query may stand before or after it.
    /// </summary>
    public sealed class RtspTarget
    {
        private RtspTarget(string path, string query, int? track)
        {
            Path = path;
            Query = query;
            Track = track;
        }

        /// <summary>The path without slashes at either end; empty for "*" or the server's root.</summary>
        public string Path { get; }

        /// <summary>The query without its "?", empty when there is none.</summary>
        public string Query { get; }

        /// <summary>The N of a trailing "trackID=N", or null.</summary>
        public int? Track { get; }

        /// <summary>The application: the path's first segment.</summary>
        public string App => Path.IndexOf('/') is int slash && slash >= 0 ? Path.Substring(0, slash) : Path;

        /// <summary>The stream name: the path after its first segment.</summary>
        public string Stream => Path.IndexOf('/') is int slash && slash >= 0 ? Path.Substring(slash + 1) : string.Empty;

        /// <summary>Reads an absolute rtsp:// or rtsps:// URL, an absolute path, or "*"; null for anything else.</summary>
        public static RtspTarget? Parse(string uri)
        {
            if (uri == "*")
            {
                return new RtspTarget(string.Empty, string.Empty, null);
            }

            string rest;
            if (uri.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase))
            {
                var afterScheme = uri.Substring(uri.IndexOf("://", StringComparison.Ordinal) + 3);
                var slash = afterScheme.IndexOf('/');
                rest = slash < 0 ? string.Empty : afterScheme.Substring(slash + 1);
            }
            else if (uri.StartsWith("/", StringComparison.Ordinal))
            {
                rest = uri.Substring(1);
            }
            else
            {
                return null;
            }

            var question = rest.IndexOf('?');
            var path = question < 0 ? rest : rest.Substring(0, question);
            var query = question < 0 ? string.Empty : rest.Substring(question + 1);
            int? track = TakeTrack(ref path);
            if (track == null && query.Length > 0)
            {
                track = TakeTrack(ref query);
            }

            return new RtspTarget(path.Trim('/'), query.TrimEnd('/'), track);
        }

        private static int? TakeTrack(ref string text)
        {
            var trimmed = text.TrimEnd('/');
            var slash = trimmed.LastIndexOf('/');
            var last = slash < 0 ? trimmed : trimmed.Substring(slash + 1);
            const string Prefix = "trackID=";
            if (!last.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                || !int.TryParse(last.Substring(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var track)
                || track > 15)
            {
                return null;
            }

            text = slash < 0 ? string.Empty : trimmed.Substring(0, slash);
            return track;
        }
    }
}
