using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Serilog;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>
    /// Deletes recordings past their time or beyond their path's share of the disk: a file that
    /// ended (was last written) longer than <see cref="RecordingOptions.DeleteAfter"/> ago goes,
    /// and while a path's files add up to more than <see cref="RecordingOptions.MaxBytesPerPath"/>
    /// its oldest go. A file being written is never deleted; only files the pattern named are
    /// looked at, so nothing else in the folder is touched.
    /// </summary>
    public static class RecordingRetention
    {
        /// <summary>Applies the retention of <paramref name="options"/> to <paramref name="directory"/> (one path's files when <paramref name="path"/> is given) and returns the files deleted.</summary>
        public static IReadOnlyList<string> Apply(string directory, RecordingOptions options, ICollection<string> inProgress, DateTimeOffset now, ILogger log, string? path = null)
        {
            var deleted = new List<string>();
            if (!options.HasRetention)
            {
                return deleted;
            }

            var root = Path.GetFullPath(directory);
            foreach (var files in RecordingCatalog.List(directory, options.Pattern, inProgress, path, durations: false).GroupBy(r => r.Path))
            {
                var kept = new List<(RecordingInfo Info, string FullName)>();
                foreach (var recording in files)
                {
                    var full = Path.Combine(root, recording.File.Replace('/', Path.DirectorySeparatorChar));
                    if (!recording.InProgress && options.DeleteAfter is { } age && File.GetLastWriteTimeUtc(full) < (now - age).UtcDateTime)
                    {
                        Delete(full, recording, "older than " + age.ToString("g", System.Globalization.CultureInfo.InvariantCulture), root, deleted, log);
                    }
                    else
                    {
                        kept.Add((recording, full));
                    }
                }

                if (options.MaxBytesPerPath is { } limit)
                {
                    long total = kept.Sum(k => k.Info.Bytes);
                    foreach (var (recording, full) in kept)
                    {
                        if (total <= limit)
                        {
                            break;
                        }

                        if (!recording.InProgress && Delete(full, recording, $"{recording.Path} holds {total} bytes, more than {limit}", root, deleted, log))
                        {
                            total -= recording.Bytes;
                        }
                    }
                }
            }

            return deleted;
        }

        private static bool Delete(string full, RecordingInfo recording, string why, string root, List<string> deleted, ILogger log)
        {
            try
            {
                File.Delete(full);
                deleted.Add(full);
                log.Information("Deleted recording {File} ({Bytes} bytes): {Reason}", recording.File, recording.Bytes, why);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                log.Warning("Cannot delete recording {File}: {Error}", recording.File, e.Message);
                return false;
            }

            try
            {
                RemoveEmptyFolders(Path.GetDirectoryName(full)!, root);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // A segment starting in the folder just now: it stays.
            }

            return true;
        }

        // The path's folders go with their last file; the recording folder itself stays.
        private static void RemoveEmptyFolders(string folder, string root)
        {
            while (folder.Length > root.Length && folder.StartsWith(root, StringComparison.Ordinal) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
                folder = Path.GetDirectoryName(folder)!;
            }
        }
    }
}
