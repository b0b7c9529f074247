using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

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
        /// files in <paramref name="inProgress"/> (full names) are marked as being written. Durations
        /// are read when <paramref name="durations"/> is true, through <paramref name="measurements"/>
        /// when given, so that what did not change since the last listing is not read again.
        /// </summary>
        public static IReadOnlyList<RecordingInfo> List(string directory, string pattern, ICollection<string>? inProgress = null, string? path = null, bool durations = true, RecordingMeasurements? measurements = null)
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
                        (measurements ?? new RecordingMeasurements()).Measure(file, info);
                    }
                }
                catch (IOException)
                {
                    // Deleted while listed (retention) or unreadable: it is not there to play.
                    continue;
                }

                found.Add((info, file));
            }

            if (measurements != null && path == null)
            {
                measurements.KeepOnly(new HashSet<string>(found.Select(f => f.FullName), StringComparer.Ordinal));
            }

            return found.OrderBy(f => f.Info.Start).ThenBy(f => f.Info.File, StringComparer.Ordinal).Select(f => f.Info).ToList();
        }
    }
}
