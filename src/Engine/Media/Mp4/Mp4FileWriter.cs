using System;
using System.Collections.Generic;
using System.IO;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>
    /// An MP4 with the movie box at the front (faststart), so a player can start before it has the
    /// whole file. Memory stays flat whatever the length: samples go to a side file as they come,
    /// and so do the three tables that grow with every sample (sizes; the decode delta runs, which
    /// millisecond recorder times change at almost every sample; the composition offset runs,
    /// which B-frames change as often); they are spliced into the movie box at the end, then the
    /// media is appended. What stays in memory grows per GOP (sync samples, chunks). Chunk offsets
    /// are 64-bit (co64) when the file passes 4 GiB.
    /// </summary>
    public sealed class Mp4FileWriter : IMp4VideoWriter
    {
        private const int MaxSamplesPerChunk = 250;

        private readonly string _path;
        private readonly Mp4VideoTrack _track;
        private readonly DateTimeOffset _created;
        private readonly FileStream _media;
        private readonly FileStream _sizes;
        private readonly SpilledRunTable _decodeDeltas;
        private readonly SpilledRunTable _compositionOffsets;
        private readonly List<uint> _syncSamples = new List<uint>();
        private readonly List<(long Offset, uint Samples)> _chunks = new List<(long, uint)>();
        private readonly byte[] _entry = new byte[4];
        private long _samples;
        private long _firstDts = long.MinValue;
        private long _lastDts;
        private long _firstCompositionOffset;
        private bool _completed;

        /// <summary>Writes to <paramref name="path"/>; media and tables wait in side files beside it until <see cref="Complete"/>.</summary>
        public Mp4FileWriter(string path, Mp4VideoTrack track, DateTimeOffset created)
        {
            _path = path ?? throw new ArgumentNullException(nameof(path));
            _track = track ?? throw new ArgumentNullException(nameof(track));
            _created = created;
            _media = SideFile(".media");
            _sizes = SideFile(".stsz");
            _decodeDeltas = new SpilledRunTable(path + ".stts");
            _compositionOffsets = new SpilledRunTable(path + ".ctts");
        }

        /// <inheritdoc />
        public long Samples => _samples;

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

                _decodeDeltas.Add(Mp4Boxes.Duration(dts - _lastDts));
            }

            if (cts < 0)
            {
                throw new ArgumentException("A sample may not be shown before it is decoded.", nameof(presentationTimeMs));
            }

            _lastDts = dts;
            _compositionOffsets.Add(unchecked((uint)Mp4Boxes.CompositionOffset(cts)));
            if (sync)
            {
                _syncSamples.Add((uint)_samples + 1);
            }

            if (_chunks.Count == 0 || sync || _chunks[_chunks.Count - 1].Samples >= MaxSamplesPerChunk)
            {
                _chunks.Add((_media.Length, 0));
            }

            var last = _chunks[_chunks.Count - 1];
            _chunks[_chunks.Count - 1] = (last.Offset, last.Samples + 1);
            WriteSize((uint)sample.Length);
            _samples++;
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
            if (_samples > 0)
            {
                _decodeDeltas.Add((uint)Math.Max(1, Ticks(lastDurationMs)));
            }

            var fileType = new BoxWriter();
            Mp4Boxes.FileType(fileType, _track, fragmented: false);
            bool large = _media.Length + Movie(0, false).Length + 4096 > LargeFileThreshold;
            int mdatHeader = large ? 16 : 8;
            long moovLength = Movie(0, large).Length;
            var movie = Movie(fileType.Length + moovLength + mdatHeader, large);

            // Written beside the target and moved into place: a failure (a full disk) leaves no truncated file that looks whole.
            var part = _path + ".part";
            using (var output = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
            {
                fileType.CopyTo(output);
                movie.CopyTo(output);
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

                header.CopyTo(output);
                _media.Position = 0;
                _media.CopyTo(output, 1 << 20);
            }

            Dispose();
            if (File.Exists(_path))
            {
                File.Delete(_path);
            }

            File.Move(part, _path);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (var side in new[] { _media, _sizes })
            {
                side.Dispose();
                if (File.Exists(side.Name))
                {
                    File.Delete(side.Name);
                }
            }

            _decodeDeltas.Dispose();
            _compositionOffsets.Dispose();

            if (!_completed && File.Exists(_path + ".part"))
            {
                File.Delete(_path + ".part");
            }
        }

        private static long Ticks(long ms) => ms * (Mp4Boxes.MediaTimescale / 1000);

        private FileStream SideFile(string suffix) =>
            new FileStream(_path + suffix, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);

        // One big-endian 32-bit stsz entry.
        private void WriteSize(uint size)
        {
            for (int i = 0; i < 4; i++)
            {
                _entry[i] = (byte)(size >> (24 - (8 * i)));
            }

            _sizes.Write(_entry, 0, 4);
        }

        private BoxWriter Movie(long mediaStart, bool large)
        {
            ulong mediaDuration = _decodeDeltas.Total;
            ulong durationMs = mediaDuration / (Mp4Boxes.MediaTimescale / Mp4Boxes.MovieTimescale);
            var box = new BoxWriter();
            box.Begin("moov");
            Mp4Boxes.MovieHeader(box, _created, durationMs);
            box.Begin("trak");
            Mp4Boxes.TrackHeader(box, _track, _created, durationMs);
            Mp4Boxes.EditList(box, durationMs, _firstCompositionOffset);
            box.Begin("mdia");
            Mp4Boxes.MediaHeader(box, _created, mediaDuration, _track);
            Mp4Boxes.MediaInformationStart(box, _track);
            box.Begin("stbl");
            Mp4Boxes.SampleDescription(box, _track);
            SampleTables(box, mediaStart, large);
            box.End();
            box.End();
            box.End();
            box.End();
            box.End();
            return box;
        }

        private void SampleTables(BoxWriter box, long mediaStart, bool large)
        {
            box.BeginFull("stts", 0, 0);
            _decodeDeltas.WriteTo(box);
            box.End();
            box.BeginFull("ctts", 0, 0);
            _compositionOffsets.WriteTo(box);
            box.End();
            if (_syncSamples.Count < _samples)
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
            _sizes.Flush();
            box.BeginFull("stsz", 0, 0);
            box.UInt32(0);
            box.UInt32((uint)_samples);
            box.Spliced(_sizes, _samples * 4);
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
