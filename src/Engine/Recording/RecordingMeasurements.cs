using System;
using System.Collections.Concurrent;
using System.IO;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Mp4;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>
    /// How long each recording plays, remembered between listings: a file not changed since it
    /// was measured is not read again, and an FLV being written is read on from where the last
    /// listing stopped, so listing a day of recordings costs what changed, not what is there.
    /// </summary>
    public sealed class RecordingMeasurements
    {
        private const int FlvHeaderLength = 9;
        private const int TagHeaderLength = 11;

        private readonly ConcurrentDictionary<string, Measured> _files = new ConcurrentDictionary<string, Measured>(StringComparer.Ordinal);

        /// <summary>Files measured and remembered.</summary>
        public int Count => _files.Count;

        /// <summary>Fills in <paramref name="info"/>'s duration (and, for MP4, the start inside it), or its error.</summary>
        internal void Measure(string file, RecordingInfo info)
        {
            var write = File.GetLastWriteTimeUtc(file);
            _files.TryGetValue(file, out var known);
            if (known != null && known.Length == info.Bytes && known.WriteTime == write)
            {
                known.CopyTo(info);
                return;
            }

            var measured = new Measured { Length = info.Bytes, WriteTime = write };
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (info.Format == RecordingFormat.Fmp4)
                {
                    var summary = FragmentedMp4Summary.Read(stream);
                    measured.Duration = summary.Duration;
                    measured.Start = summary.Start;
                }
                else
                {
                    // A file that only grew goes on from the last whole tag it was read to.
                    measured.Flv = known?.Flv != null && known.Length <= info.Bytes ? known.Flv.Value : new FlvWalk(FlvStart(stream));
                    measured.Flv = Walk(stream, measured.Flv.Value);
                    measured.Duration = TimeSpan.FromMilliseconds(measured.Flv.Value.Last - measured.Flv.Value.First ?? 0);
                }
            }
            catch (Exception e) when (e is MediaFormatException || e is UnauthorizedAccessException)
            {
                measured.Error = e.Message;
            }

            _files[file] = measured;
            measured.CopyTo(info);
        }

        /// <summary>Forgets files no longer listed (deleted by retention or by hand).</summary>
        internal void KeepOnly(System.Collections.Generic.ICollection<string> listed)
        {
            foreach (var file in _files.Keys)
            {
                if (!listed.Contains(file))
                {
                    _files.TryRemove(file, out _);
                }
            }
        }

        // Where the first tag starts: after the header (its data offset) and the first PreviousTagSize.
        private static long FlvStart(Stream stream)
        {
            var header = new byte[FlvHeaderLength];
            stream.Position = 0;
            if (Read(stream, header) != header.Length || header[0] != 'F' || header[1] != 'L' || header[2] != 'V')
            {
                throw new MediaFormatException("Not an FLV file (no FLV signature).");
            }

            long offset = ((long)header[5] << 24) | ((long)header[6] << 16) | ((long)header[7] << 8) | header[8];
            return offset < FlvHeaderLength ? throw new MediaFormatException($"FLV data offset {offset} is out of range.") : offset + 4;
        }

        // From tag header to tag header by their sizes, reading no bodies, up to the last whole tag.
        private static FlvWalk Walk(Stream stream, FlvWalk walk)
        {
            var header = new byte[TagHeaderLength];
            long length = stream.Length;
            while (length - walk.Offset >= TagHeaderLength)
            {
                stream.Position = walk.Offset;
                if (Read(stream, header) != TagHeaderLength)
                {
                    break;
                }

                long size = (header[1] << 16) | (header[2] << 8) | header[3];
                long next = walk.Offset + TagHeaderLength + size + 4;
                if (next > length)
                {
                    break; // cut off mid-tag (being written, or a killed server): it plays up to its last whole tag
                }

                if ((header[0] & 0x1F) != 18)
                {
                    uint timestamp = ((uint)header[7] << 24) | ((uint)header[4] << 16) | ((uint)header[5] << 8) | header[6];
                    walk.Last = walk.Clock.Unwrap(timestamp);
                    walk.First ??= walk.Last;
                }

                walk.Offset = next;
            }

            return walk;
        }

        private static int Read(Stream stream, byte[] buffer)
        {
            int total = 0;
            for (int n; total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0;)
            {
                total += n;
            }

            return total;
        }

        private struct FlvWalk
        {
            public FlvWalk(long offset)
            {
                Offset = offset;
                First = null;
                Last = null;
                Clock = default;
            }

            public long Offset;
            public long? First;
            public long? Last;
            public MillisecondClock Clock;
        }

        private sealed class Measured
        {
            public long Length { get; set; }

            public DateTime WriteTime { get; set; }

            public TimeSpan? Duration { get; set; }

            public DateTimeOffset? Start { get; set; }

            public string? Error { get; set; }

            public FlvWalk? Flv { get; set; }

            public void CopyTo(RecordingInfo info)
            {
                info.Duration = Error == null ? Duration : null;
                info.Error = Error;
                info.Start = Start ?? info.Start;
            }
        }
    }
}
