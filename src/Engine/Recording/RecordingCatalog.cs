using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Media.Mp4;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>
    /// The recordings in a folder: every file whose name the pattern made, with its path and start
    /// from the name (or, for MP4, the producer reference time inside), its size, and, when asked,
    /// how long it plays, read from its boxes or tags without its media.
    /// </summary>
    public static class RecordingCatalog
    {
        /// <summary>
        /// The recordings below <paramref name="directory"/>, oldest first, only <paramref name="path"/>'s when given;
        /// files in <paramref name="inProgress"/> (full names) are marked as being written.
        /// </summary>
        public static IReadOnlyList<RecordingInfo> List(string directory, string pattern, ICollection<string>? inProgress = null, string? path = null, bool durations = true)
        {
            var found = new List<(RecordingInfo Info, string FullName)>();
            if (!Directory.Exists(directory))
            {
                return new List<RecordingInfo>();
            }

            var root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            {
                var relative = file.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/');
                if (!RecordingNames.TryParse(pattern, relative, out var recorded, out var start) || (path != null && recorded != path))
                {
                    continue;
                }

                var info = new RecordingInfo
                {
                    Path = recorded,
                    File = relative,
                    Format = relative.EndsWith(".flv", StringComparison.Ordinal) ? RecordingFormat.Flv : RecordingFormat.Fmp4,
                    Start = new DateTimeOffset(start, TimeSpan.Zero),
                    InProgress = inProgress != null && inProgress.Contains(file),
                };
                try
                {
                    info.Bytes = new FileInfo(file).Length;
                    if (durations)
                    {
                        Measure(file, info);
                    }
                }
                catch (IOException)
                {
                    // Deleted while listed (retention) or unreadable: it is not there to play.
                    continue;
                }

                found.Add((info, file));
            }

            return found.OrderBy(f => f.Info.Start).ThenBy(f => f.Info.File, StringComparer.Ordinal).Select(f => f.Info).ToList();
        }

        private static void Measure(string file, RecordingInfo info)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (info.Format == RecordingFormat.Fmp4)
                {
                    var summary = FragmentedMp4Summary.Read(stream);
                    info.Duration = summary.Duration;
                    info.Start = summary.Start ?? info.Start;
                }
                else
                {
                    info.Duration = FlvDuration(stream);
                }
            }
            catch (Exception e) when (e is MediaFormatException || e is EndOfStreamException || e is UnauthorizedAccessException)
            {
                info.Error = e.Message;
            }
        }

        // From the first to the last whole tag.
        private static TimeSpan FlvDuration(Stream stream)
        {
            var reader = new FlvReader(stream, WireLimits.Default);
            long? first = null, last = null;
            var clock = default(MillisecondClock);
            try
            {
                while (reader.ReadTag() is { } tag)
                {
                    if (tag.Type != FlvTagType.Script)
                    {
                        last = clock.Unwrap(tag.Timestamp);
                        first ??= last;
                    }
                }
            }
            catch (MediaFormatException) when (last != null)
            {
                // Cut off mid-tag (a killed server): it plays up to its last whole tag.
            }

            return TimeSpan.FromMilliseconds(last - first ?? 0);
        }
    }
}
