using System;
using System.Collections.Generic;
using System.IO;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>
    /// A fragmented MP4 (ISO 14496-12 §8.8): the movie box first, then movie fragments (moof +
    /// mdat, one traf per track with samples), each written and flushed as it completes. A
    /// fragment ends before a key frame of the first track, or once it spans a second. The file is readable
    /// while it is written, and after a crash every completed fragment plays. Memory holds one
    /// fragment.
    /// </summary>
    public sealed class FragmentedMp4Writer : IMp4VideoWriter
    {
        private const long MaxFragmentMs = 1000;
        private const long MaxLeaderlessFragmentMs = 5000;

        private readonly Stream _output;
        private readonly bool _ownsOutput;
        private readonly TrackRun[] _tracks;
        private readonly DateTimeOffset? _wallClock;
        private long _originMs = long.MinValue;
        private long _fragmentStartMs;
        private uint _sequence;
        private long _written;
        private bool _completed;

        /// <summary>Writes one video track to a new file at <paramref name="path"/>.</summary>
        public FragmentedMp4Writer(string path, Mp4VideoTrack track, DateTimeOffset created)
            : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), track, created, ownsOutput: true)
        {
        }

        /// <summary>Writes one video track to <paramref name="output"/>, disposed with the writer when <paramref name="ownsOutput"/>.</summary>
        public FragmentedMp4Writer(Stream output, Mp4VideoTrack track, DateTimeOffset created, bool ownsOutput)
            : this(output, new Mp4Track[] { track }, created, ownsOutput, wallClock: null)
        {
        }

        /// <summary>
        /// Writes <paramref name="tracks"/> (ids 1, 2, … in this order) to <paramref name="output"/>.
        /// With <paramref name="wallClock"/>, the wall-clock time of the first sample, each fragment
        /// is led by a producer reference time box (§8.16.5) that dates it, so a reader knows when
        /// it was recorded without trusting the file name.
        /// </summary>
        public FragmentedMp4Writer(Stream output, IReadOnlyList<Mp4Track> tracks, DateTimeOffset created, bool ownsOutput, DateTimeOffset? wallClock)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            if (tracks == null || tracks.Count == 0)
            {
                throw new ArgumentException("An MP4 file needs a track.", nameof(tracks));
            }

            _ownsOutput = ownsOutput;
            _wallClock = wallClock;
            _tracks = new TrackRun[tracks.Count];
            var box = new BoxWriter();
            Mp4Boxes.FileType(box, tracks[0], fragmented: true);
            box.Begin("moov");
            Mp4Boxes.MovieHeader(box, created, 0, tracks.Count);
            for (int i = 0; i < tracks.Count; i++)
            {
                _tracks[i] = new TrackRun(tracks[i]);
                Track(box, tracks[i], (uint)i + 1, created);
            }

            Mp4Boxes.MovieExtends(box, tracks.Count);
            box.End();
            _output.Write(box.ToArray(), 0, (int)box.Length);
            _output.Flush();
        }

        /// <inheritdoc />
        public long Samples
        {
            get
            {
                long pending = 0;
                foreach (var track in _tracks)
                {
                    pending += track.Count;
                }

                return _written + pending;
            }
        }

        /// <inheritdoc />
        public long Bytes
        {
            get
            {
                long pending = 0;
                foreach (var track in _tracks)
                {
                    pending += track.Data.Length;
                }

                return _output.Position + pending;
            }
        }

        /// <summary>Fragments written so far.</summary>
        public uint Fragments => _sequence;

        /// <inheritdoc />
        public void Write(ReadOnlySpan<byte> sample, long decodeTimeMs, long presentationTimeMs, bool sync)
            => Write(0, sample, decodeTimeMs, presentationTimeMs, sync);

        /// <summary>
        /// Adds a sample to the track at <paramref name="track"/> (its index in the constructor's
        /// list), with times in milliseconds on the origin all tracks share: the first sample
        /// written, of any track, is at 0, and no sample may come before it. Decode times rise
        /// within a track; presentation times may not precede them.
        /// </summary>
        public void Write(int track, ReadOnlySpan<byte> sample, long decodeTimeMs, long presentationTimeMs, bool sync)
        {
            var run = _tracks[track];
            if (_originMs == long.MinValue)
            {
                _originMs = decodeTimeMs;
                _fragmentStartMs = decodeTimeMs;
            }

            if (decodeTimeMs < _originMs)
            {
                throw new ArgumentException($"Decode time {decodeTimeMs} ms is before the file's first sample at {_originMs} ms.", nameof(decodeTimeMs));
            }

            long dts = run.Ticks(decodeTimeMs - _originMs);
            if (run.Started && dts <= run.LastDts)
            {
                throw new ArgumentException($"Decode time {decodeTimeMs} ms does not follow the previous one.", nameof(decodeTimeMs));
            }

            if (presentationTimeMs < decodeTimeMs)
            {
                throw new ArgumentException("A sample may not be shown before it is decoded.", nameof(presentationTimeMs));
            }

            // The first track leads: a fragment ends before its key frame or once it spans a
            // second; another track ends one only when the lead is silent for long.
            long elapsed = decodeTimeMs - _fragmentStartMs;
            bool startsFragment = track == 0
                ? run.Count > 0 && ((sync && !run.Track.IsAudio) || elapsed >= MaxFragmentMs)
                : elapsed >= MaxLeaderlessFragmentMs && HasPending();
            if (startsFragment)
            {
                Flush(track, dts, completing: false);
                _fragmentStartMs = decodeTimeMs;
            }

            run.Add(sample, dts, Mp4Boxes.CompositionOffset(run.Ticks(presentationTimeMs - decodeTimeMs)), sync);
        }

        /// <inheritdoc />
        public void Complete(long lastDurationMs)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (HasPending())
            {
                foreach (var run in _tracks)
                {
                    run.LastDuration = run.Ticks(Math.Max(1, lastDurationMs));
                }

                Flush(-1, 0, completing: true);
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

        private static void Track(BoxWriter box, Mp4Track track, uint id, DateTimeOffset created)
        {
            box.Begin("trak");
            Mp4Boxes.TrackHeader(box, track, created, 0, id);
            box.Begin("mdia");
            Mp4Boxes.MediaHeader(box, created, 0, track);
            Mp4Boxes.MediaInformationStart(box, track);
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
            box.End(); // stbl
            box.End(); // minf
            box.End(); // mdia
            box.End(); // trak
        }

        private bool HasPending()
        {
            foreach (var run in _tracks)
            {
                if (run.Count > 0)
                {
                    return true;
                }
            }

            return false;
        }

        // One fragment: [prft] moof (mfhd, per track traf: tfhd, tfdt, trun) then one mdat with the
        // tracks' samples in track order. A sample's duration is the gap to the next one of its
        // track, so each track keeps its last sample back for the next fragment, unless its next
        // decode time is known (the sample that starts this fragment) or the file is completing.
        private void Flush(int nextTrack, long nextDts, bool completing)
        {
            var ready = new int[_tracks.Length];
            for (int i = 0; i < _tracks.Length; i++)
            {
                ready[i] = _tracks[i].Close(completing ? (long?)null : i == nextTrack ? nextDts : (long?)null, completing);
            }

            if (Array.TrueForAll(ready, count => count == 0))
            {
                return;
            }

            var box = new BoxWriter();
            if (_wallClock != null)
            {
                ProducerReferenceTime(box);
            }

            int moofStart = (int)box.Length;
            box.Begin("moof");
            box.BeginFull("mfhd", 0, 0);
            box.UInt32(++_sequence);
            box.End();
            var dataOffsetAt = new List<int>();
            for (int i = 0; i < _tracks.Length; i++)
            {
                if (ready[i] > 0)
                {
                    dataOffsetAt.Add(_tracks[i].WriteFragment(box, (uint)i + 1, ready[i]));
                }
            }

            box.End();
            var bytes = box.ToArray();
            long mdatSize = 8;
            for (int i = 0; i < _tracks.Length; i++)
            {
                mdatSize += _tracks[i].DataLength(ready[i]);
            }

            // data_offset counts from the moof's first byte (default-base-is-moof) to the track's first sample.
            int offset = bytes.Length - moofStart + 8, slot = 0;
            for (int i = 0; i < _tracks.Length; i++)
            {
                if (ready[i] > 0)
                {
                    WriteBigEndian(bytes, dataOffsetAt[slot++], offset);
                    offset += (int)_tracks[i].DataLength(ready[i]);
                }
            }

            var header = new byte[8];
            WriteBigEndian(header, 0, checked((int)mdatSize));
            header[4] = (byte)'m';
            header[5] = (byte)'d';
            header[6] = (byte)'a';
            header[7] = (byte)'t';

            // One write of the whole fragment: a kill mid-fragment leaves one truncated box at the end, never a gap.
            using (var fragment = new MemoryStream(checked((int)(bytes.Length + mdatSize))))
            {
                fragment.Write(bytes, 0, bytes.Length);
                fragment.Write(header, 0, header.Length);
                for (int i = 0; i < _tracks.Length; i++)
                {
                    _written += ready[i];
                    _tracks[i].MoveData(fragment, ready[i]);
                }

                fragment.Position = 0;
                fragment.CopyTo(_output);
            }

            _output.Flush();
        }

        // ISO 14496-12 §8.16.5, version 1: the NTP time of the fragment's first video (or track 1) sample.
        private void ProducerReferenceTime(BoxWriter box)
        {
            var run = _tracks[0];
            long mediaTime = run.Count > 0 ? run.FirstPendingDts : run.LastDts;
            var at = _wallClock!.Value.AddSeconds(mediaTime / (double)run.Track.Timescale);
            long ticks = at.UtcTicks - new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
            ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
            ulong fraction = (ulong)(ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
            box.BeginFull("prft", 1, 0);
            box.UInt32(1);
            box.UInt64((seconds << 32) | fraction);
            box.UInt64((ulong)Math.Max(0, mediaTime));
            box.End();
        }

        private static void WriteBigEndian(byte[] bytes, int at, int value)
        {
            bytes[at] = (byte)(value >> 24);
            bytes[at + 1] = (byte)(value >> 16);
            bytes[at + 2] = (byte)(value >> 8);
            bytes[at + 3] = (byte)value;
        }

        /// <summary>One track's samples not yet written, with their bytes.</summary>
        private sealed class TrackRun
        {
            private readonly List<(long Dts, uint Size, bool Sync, int Offset)> _samples = new List<(long, uint, bool, int)>();
            private List<uint> _closed = new List<uint>();

            public TrackRun(Mp4Track track)
            {
                Track = track;
            }

            public Mp4Track Track { get; }

            public MemoryStream Data { get; } = new MemoryStream();

            public int Count => _samples.Count;

            public bool Started { get; private set; }

            public long LastDts { get; private set; }

            public long FirstPendingDts => _samples[0].Dts;

            /// <summary>The duration of the very last sample, set when the file completes.</summary>
            public long LastDuration { get; set; }

            public long Ticks(long milliseconds) => milliseconds * Track.Timescale / 1000;

            public void Add(ReadOnlySpan<byte> sample, long dts, int compositionOffset, bool sync)
            {
                Started = true;
                LastDts = dts;
                _samples.Add((dts, (uint)sample.Length, sync, compositionOffset));
                Mp4Boxes.Write(Data, sample);
            }

            /// <summary>How many pending samples go into this fragment, their durations fixed.</summary>
            public int Close(long? nextDts, bool completing)
            {
                _closed = new List<uint>(_samples.Count);
                for (int i = 0; i + 1 < _samples.Count; i++)
                {
                    _closed.Add(Mp4Boxes.Duration(_samples[i + 1].Dts - _samples[i].Dts));
                }

                if (_samples.Count > 0 && (nextDts != null || completing))
                {
                    // The very last sample lasts what the caller says; audio frames all last alike, so its last one lasts as the one before.
                    long last = Track.IsAudio && _closed.Count > 0 ? _closed[_closed.Count - 1] : LastDuration;
                    long end = nextDts ?? _samples[_samples.Count - 1].Dts + Math.Max(1, last);
                    _closed.Add(Mp4Boxes.Duration(end - _samples[_samples.Count - 1].Dts));
                }

                return _closed.Count;
            }

            /// <summary>The traf of the first <paramref name="count"/> samples; returns where its data offset goes.</summary>
            public int WriteFragment(BoxWriter box, uint id, int count)
            {
                box.Begin("traf");
                box.BeginFull("tfhd", 0, 0x020000); // default-base-is-moof
                box.UInt32(id);
                box.End();
                box.BeginFull("tfdt", 1, 0);
                box.UInt64((ulong)_samples[0].Dts);
                box.End();
                box.BeginFull("trun", 1, 0x000F01); // data offset, duration, size, flags, composition offset
                box.UInt32((uint)count);
                int dataOffsetAt = (int)box.Length;
                box.UInt32(0);
                for (int i = 0; i < count; i++)
                {
                    var (_, size, sync, offset) = _samples[i];
                    box.UInt32(_closed[i]);
                    box.UInt32(size);
                    box.UInt32(Mp4Boxes.SampleFlags(Track.IsAudio || sync));
                    box.Int32(offset);
                }

                box.End();
                box.End();
                return dataOffsetAt;
            }

            public long DataLength(int count)
            {
                long length = 0;
                for (int i = 0; i < count; i++)
                {
                    length += _samples[i].Size;
                }

                return length;
            }

            /// <summary>Copies the first <paramref name="count"/> samples' bytes out and keeps the rest.</summary>
            public void MoveData(Stream output, int count)
            {
                if (count == 0)
                {
                    return;
                }

                int length = (int)DataLength(count);
                var buffer = Data.GetBuffer();
                output.Write(buffer, 0, length);
                int rest = (int)Data.Length - length;
                Buffer.BlockCopy(buffer, length, buffer, 0, rest);
                Data.SetLength(rest);
                Data.Position = rest;
                _samples.RemoveRange(0, count);
            }
        }
    }
}
