using System;
using System.Collections.Generic;
using System.IO;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>
    /// An MP4 with the movie box at the front (faststart), so a player can start before it has the
    /// whole file. Samples go to a side file as they come; the sample tables are kept compact in
    /// memory (run-length decode deltas and composition offsets, 4 bytes of size per sample) and
    /// written with the movie box at the end, then the media is appended. Chunk offsets are 64-bit
    /// (co64) when the file passes 4 GiB.
    /// </summary>
    public sealed class Mp4FileWriter : IMp4VideoWriter
    {
        private const int MaxSamplesPerChunk = 250;

        private readonly string _path;
        private readonly string _mediaPath;
        private readonly Mp4VideoTrack _track;
        private readonly DateTimeOffset _created;
        private readonly FileStream _media;
        private readonly List<uint> _sizes = new List<uint>();
        private readonly List<(uint Count, uint Delta)> _decodeDeltas = new List<(uint, uint)>();
        private readonly List<(uint Count, int Offset)> _compositionOffsets = new List<(uint, int)>();
        private readonly List<uint> _syncSamples = new List<uint>();
        private readonly List<(long Offset, uint Samples)> _chunks = new List<(long, uint)>();
        private long _firstDts = long.MinValue;
        private long _lastDts;
        private long _firstCompositionOffset;
        private bool _completed;

        /// <summary>Writes to <paramref name="path"/>; the media waits in <c>path.media</c> until <see cref="Complete"/>.</summary>
        public Mp4FileWriter(string path, Mp4VideoTrack track, DateTimeOffset created)
        {
            _path = path ?? throw new ArgumentNullException(nameof(path));
            _track = track ?? throw new ArgumentNullException(nameof(track));
            _created = created;
            _mediaPath = path + ".media";
            _media = new FileStream(_mediaPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }

        /// <inheritdoc />
        public long Samples => _sizes.Count;

        /// <summary>File size from which chunk offsets are 64-bit; lowered by tests to check co64 without writing 4 GiB.</summary>
        internal long LargeFileThreshold { get; set; } = uint.MaxValue;

        /// <inheritdoc />
        public long Bytes => _media.Length;

        /// <inheritdoc />
        public void Write(ReadOnlySpan<byte> sample, long decodeTimeMs, long presentationTimeMs, bool sync)
        {
            long dts = Ticks(decodeTimeMs), cts = Ticks(presentationTimeMs) - dts;
            if (_firstDts == long.MinValue)
            {
                _firstDts = dts;
                _firstCompositionOffset = cts;
            }
            else
            {
                if (dts <= _lastDts)
                {
                    throw new ArgumentException($"Decode time {decodeTimeMs} ms does not follow the previous one.", nameof(decodeTimeMs));
                }

                AddRun(_decodeDeltas, Mp4Boxes.Duration(dts - _lastDts));
            }

            if (cts < 0)
            {
                throw new ArgumentException("A sample may not be shown before it is decoded.", nameof(presentationTimeMs));
            }

            _lastDts = dts;
            AddRun(_compositionOffsets, Mp4Boxes.CompositionOffset(cts));
            if (sync)
            {
                _syncSamples.Add((uint)_sizes.Count + 1);
            }

            if (_chunks.Count == 0 || sync || _chunks[_chunks.Count - 1].Samples >= MaxSamplesPerChunk)
            {
                _chunks.Add((_media.Length, 0));
            }

            var last = _chunks[_chunks.Count - 1];
            _chunks[_chunks.Count - 1] = (last.Offset, last.Samples + 1);
            _sizes.Add((uint)sample.Length);
            Mp4Boxes.Write(_media, sample);
        }

        /// <inheritdoc />
        public void Complete(long lastDurationMs)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (_sizes.Count > 0)
            {
                AddRun(_decodeDeltas, (uint)Math.Max(1, Ticks(lastDurationMs)));
            }

            _media.Flush();
            var fileType = new BoxWriter();
            Mp4Boxes.FileType(fileType, _track, fragmented: false);
            bool large = _media.Length + Movie(0, false).Length + 4096 > LargeFileThreshold;
            int mdatHeader = large ? 16 : 8;
            int moovLength = Movie(0, large).Length;
            var movie = Movie(fileType.Length + moovLength + mdatHeader, large);
            // Written beside the target and moved into place: a failure (a full disk) leaves no truncated file that looks whole.
            var part = _path + ".part";
            using (var output = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
            {
                output.Write(fileType.ToArray(), 0, fileType.Length);
                output.Write(movie, 0, movie.Length);
                var header = new BoxWriter();
                if (large)
                {
                    header.UInt32(1);
                    header.Ascii("mdat");
                    header.UInt64((ulong)(_media.Length + 16));
                }
                else
                {
                    header.UInt32((uint)(_media.Length + 8));
                    header.Ascii("mdat");
                }

                output.Write(header.ToArray(), 0, header.Length);
                _media.Position = 0;
                _media.CopyTo(output, 1 << 20);
            }

            _media.Dispose();
            File.Delete(_mediaPath);
            if (File.Exists(_path))
            {
                File.Delete(_path);
            }

            File.Move(part, _path);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _media.Dispose();
            foreach (var leftover in new[] { _mediaPath, _path + ".part" })
            {
                if (File.Exists(leftover))
                {
                    File.Delete(leftover);
                }
            }
        }

        private static long Ticks(long ms) => ms * (Mp4Boxes.MediaTimescale / 1000);

        private static void AddRun(List<(uint Count, uint Delta)> runs, uint value)
        {
            if (runs.Count > 0 && runs[runs.Count - 1].Delta == value)
            {
                runs[runs.Count - 1] = (runs[runs.Count - 1].Count + 1, value);
            }
            else
            {
                runs.Add((1, value));
            }
        }

        private static void AddRun(List<(uint Count, int Offset)> runs, int value)
        {
            if (runs.Count > 0 && runs[runs.Count - 1].Offset == value)
            {
                runs[runs.Count - 1] = (runs[runs.Count - 1].Count + 1, value);
            }
            else
            {
                runs.Add((1, value));
            }
        }

        private byte[] Movie(long mediaStart, bool large)
        {
            ulong mediaDuration = 0;
            foreach (var (count, delta) in _decodeDeltas)
            {
                mediaDuration += (ulong)count * delta;
            }

            ulong durationMs = mediaDuration / (Mp4Boxes.MediaTimescale / Mp4Boxes.MovieTimescale);
            var box = new BoxWriter();
            box.Begin("moov");
            Mp4Boxes.MovieHeader(box, _created, durationMs);
            box.Begin("trak");
            Mp4Boxes.TrackHeader(box, _track, _created, durationMs);
            Mp4Boxes.EditList(box, durationMs, _firstCompositionOffset);
            box.Begin("mdia");
            Mp4Boxes.MediaHeader(box, _created, mediaDuration);
            Mp4Boxes.MediaInformationStart(box);
            box.Begin("stbl");
            Mp4Boxes.SampleDescription(box, _track);
            SampleTables(box, mediaStart, large);
            box.End();
            box.End();
            box.End();
            box.End();
            box.End();
            return box.ToArray();
        }

        private void SampleTables(BoxWriter box, long mediaStart, bool large)
        {
            box.BeginFull("stts", 0, 0);
            box.UInt32((uint)_decodeDeltas.Count);
            foreach (var (count, delta) in _decodeDeltas)
            {
                box.UInt32(count);
                box.UInt32(delta);
            }

            box.End();
            box.BeginFull("ctts", 0, 0);
            box.UInt32((uint)_compositionOffsets.Count);
            foreach (var (count, offset) in _compositionOffsets)
            {
                box.UInt32(count);
                box.Int32(offset);
            }

            box.End();
            if (_syncSamples.Count < _sizes.Count)
            {
                box.BeginFull("stss", 0, 0);
                box.UInt32((uint)_syncSamples.Count);
                foreach (var sample in _syncSamples)
                {
                    box.UInt32(sample);
                }

                box.End();
            }

            box.BeginFull("stsc", 0, 0);
            var runs = new List<(uint First, uint Samples)>();
            for (int i = 0; i < _chunks.Count; i++)
            {
                if (runs.Count == 0 || runs[runs.Count - 1].Samples != _chunks[i].Samples)
                {
                    runs.Add(((uint)i + 1, _chunks[i].Samples));
                }
            }

            box.UInt32((uint)runs.Count);
            foreach (var (first, samples) in runs)
            {
                box.UInt32(first);
                box.UInt32(samples);
                box.UInt32(1);
            }

            box.End();
            box.BeginFull("stsz", 0, 0);
            box.UInt32(0);
            box.UInt32((uint)_sizes.Count);
            foreach (var size in _sizes)
            {
                box.UInt32(size);
            }

            box.End();
            box.BeginFull(large ? "co64" : "stco", 0, 0);
            box.UInt32((uint)_chunks.Count);
            foreach (var (offset, _) in _chunks)
            {
                if (large)
                {
                    box.UInt64((ulong)(mediaStart + offset));
                }
                else
                {
                    box.UInt32((uint)(mediaStart + offset));
                }
            }

            box.End();
        }
    }
}
