using System;
using System.Collections.Generic;
using System.IO;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>
    /// A fragmented MP4 (ISO 14496-12 §8.8): the movie box first, then one movie fragment
    /// (moof + mdat) per GOP, or per second of a stream without key frames, written and flushed
    /// as it completes. The file is readable while it is written, and after a crash every
    /// completed fragment plays. Memory holds one fragment.
    /// </summary>
    public sealed class FragmentedMp4Writer : IMp4VideoWriter
    {
        private const long MaxFragmentMs = 1000;

        private readonly Stream _output;
        private readonly bool _ownsOutput;
        private readonly List<(uint Duration, uint Size, bool Sync, int Offset)> _samples = new List<(uint, uint, bool, int)>();
        private readonly MemoryStream _data = new MemoryStream();
        private readonly List<long> _dts = new List<long>();
        private long _firstDts = long.MinValue;
        private long _fragmentStartDts;
        private long _lastDts;
        private uint _sequence;
        private long _samplesWritten;
        private bool _completed;

        /// <summary>Writes to a new file at <paramref name="path"/>.</summary>
        public FragmentedMp4Writer(string path, Mp4VideoTrack track, DateTimeOffset created)
            : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), track, created, ownsOutput: true)
        {
        }

        /// <summary>Writes to <paramref name="output"/>, disposed with the writer when <paramref name="ownsOutput"/>.</summary>
        public FragmentedMp4Writer(Stream output, Mp4VideoTrack track, DateTimeOffset created, bool ownsOutput)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            _ownsOutput = ownsOutput;
            var box = new BoxWriter();
            Mp4Boxes.FileType(box, track, fragmented: true);
            box.Begin("moov");
            Mp4Boxes.MovieHeader(box, created, 0);
            box.Begin("trak");
            Mp4Boxes.TrackHeader(box, track, created, 0);
            box.Begin("mdia");
            Mp4Boxes.MediaHeader(box, created, 0);
            Mp4Boxes.MediaInformationStart(box);
            box.Begin("stbl");
            Mp4Boxes.SampleDescription(box, track);
            foreach (var table in new[] { "stts", "stsc", "stco" })
            {
                box.BeginFull(table, 0, 0);
                box.UInt32(0);
                box.End();
            }

            box.BeginFull("stsz", 0, 0);
            box.UInt32(0);
            box.UInt32(0);
            box.End();
            box.End();
            box.End();
            box.End();
            box.End();
            Mp4Boxes.MovieExtends(box);
            box.End();
            _output.Write(box.ToArray(), 0, (int)box.Length);
            _output.Flush();
        }

        /// <inheritdoc />
        public long Samples => _samplesWritten + _samples.Count;

        /// <inheritdoc />
        public long Bytes => _output.Position + _data.Length;

        /// <summary>Fragments written so far.</summary>
        public uint Fragments => _sequence;

        /// <inheritdoc />
        public void Write(ReadOnlySpan<byte> sample, long decodeTimeMs, long presentationTimeMs, bool sync)
        {
            long dts = decodeTimeMs * (Mp4Boxes.MediaTimescale / 1000);
            long pts = presentationTimeMs * (Mp4Boxes.MediaTimescale / 1000);
            if (_firstDts != long.MinValue && dts <= _lastDts)
            {
                throw new ArgumentException($"Decode time {decodeTimeMs} ms does not follow the previous one.", nameof(decodeTimeMs));
            }

            if (pts < dts)
            {
                throw new ArgumentException("A sample may not be shown before it is decoded.", nameof(presentationTimeMs));
            }

            if (_samples.Count > 0 && (sync || dts - _fragmentStartDts >= MaxFragmentMs * (Mp4Boxes.MediaTimescale / 1000)))
            {
                Flush(dts);
            }

            if (_firstDts == long.MinValue)
            {
                _firstDts = dts;
            }

            if (_samples.Count == 0)
            {
                _fragmentStartDts = dts;
            }

            _lastDts = dts;
            _dts.Add(dts);
            _samples.Add((0, (uint)sample.Length, sync, Mp4Boxes.CompositionOffset(pts - dts)));
            Mp4Boxes.Write(_data, sample);
        }

        /// <inheritdoc />
        public void Complete(long lastDurationMs)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (_samples.Count > 0)
            {
                Flush(_lastDts + Math.Max(1, lastDurationMs * (Mp4Boxes.MediaTimescale / 1000)));
            }

            _output.Flush();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_ownsOutput)
            {
                _output.Dispose();
            }
        }

        // One fragment: moof (mfhd, traf: tfhd, tfdt, trun with durations, sizes, flags, composition offsets) then mdat.
        private void Flush(long nextDts)
        {
            for (int i = 0; i < _samples.Count; i++)
            {
                long end = i + 1 < _dts.Count ? _dts[i + 1] : nextDts;
                var s = _samples[i];
                _samples[i] = (Mp4Boxes.Duration(end - _dts[i]), s.Size, s.Sync, s.Offset);
            }

            var box = new BoxWriter();
            box.Begin("moof");
            box.BeginFull("mfhd", 0, 0);
            box.UInt32(++_sequence);
            box.End();
            box.Begin("traf");
            box.BeginFull("tfhd", 0, 0x020000); // default-base-is-moof
            box.UInt32(1);
            box.End();
            box.BeginFull("tfdt", 1, 0);
            box.UInt64((ulong)(_fragmentStartDts - _firstDts));
            box.End();
            box.BeginFull("trun", 1, 0x000F01); // data offset, duration, size, flags, composition offset
            box.UInt32((uint)_samples.Count);
            int dataOffsetAt = (int)box.Length;
            box.UInt32(0);
            foreach (var (duration, size, sync, offset) in _samples)
            {
                box.UInt32(duration);
                box.UInt32(size);
                box.UInt32(Mp4Boxes.SampleFlags(sync));
                box.Int32(offset);
            }

            box.End();
            box.End();
            box.End();
            var moof = box.ToArray();
            int dataOffset = moof.Length + 8;
            moof[dataOffsetAt] = (byte)(dataOffset >> 24);
            moof[dataOffsetAt + 1] = (byte)(dataOffset >> 16);
            moof[dataOffsetAt + 2] = (byte)(dataOffset >> 8);
            moof[dataOffsetAt + 3] = (byte)dataOffset;
            _output.Write(moof, 0, moof.Length);
            var header = new BoxWriter();
            header.UInt32((uint)(_data.Length + 8));
            header.Ascii("mdat");
            _output.Write(header.ToArray(), 0, (int)header.Length);
            _data.Position = 0;
            _data.CopyTo(_output);
            _output.Flush();
            _samplesWritten += _samples.Count;
            _samples.Clear();
            _dts.Clear();
            _data.SetLength(0);
        }
    }
}
