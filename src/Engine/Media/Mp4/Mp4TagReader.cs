using System;
using System.Collections.Generic;
using System.IO;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Media.Mp4.Reading;
using static RtmpXProtect.Engine.Media.Mp4.Reading.Mp4BoxReader;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>
    /// Reads an MP4 file (progressive, as ffmpeg and cameras write them, or fragmented, as the
    /// recorder does) as the FLV tags RTMP carries: the sequence headers of its first H.264 or
    /// H.265 track and its first AAC track, then their samples interleaved by decode time, with
    /// composition offsets kept. Other tracks are left out. Edit lists are not applied: a file
    /// source plays every sample, as a camera would send it.
    /// </summary>
    /// <remarks>
    /// A progressive file whose samples lie past its end is damaged and fails when reading gets
    /// there; a fragmented file ends at its last whole fragment, since a recording cut off while
    /// writing its last fragment is normal.
    /// </remarks>
    public sealed class Mp4TagReader
    {
        /// <summary>The largest moov or moof box read into memory: a day of sample tables fits.</summary>
        public const int MaxHeaderBoxBytes = 64 << 20;

        // How many fragments are read ahead to find the next sample of a track whose fragments are apart.
        private const int MaxFragmentsAhead = 8;

        // FLV's audio tag byte for AAC: SoundFormat 10, and 44 kHz, 16 bits, stereo as E.4.2.1 requires.
        private const byte AacTagByte = 0xAF;

        private readonly Stream _input;
        private readonly WireLimits _limits;
        private readonly List<Mp4ReadTrack> _tracks;
        private readonly bool _fragmented;
        private readonly Queue<FlvTag> _headers = new Queue<FlvTag>();
        private long _position;

        /// <summary>Reads the movie box of <paramref name="input"/>, which must be seekable.</summary>
        /// <exception cref="MediaFormatException">It is no MP4, it has no complete movie box, or no track RTMP can carry.</exception>
        public Mp4TagReader(Stream input, WireLimits limits)
        {
            _input = input ?? throw new ArgumentNullException(nameof(input));
            _limits = limits ?? throw new ArgumentNullException(nameof(limits));
            if (!input.CanSeek)
            {
                throw new ArgumentException("An MP4 file is read by seeking.", nameof(input));
            }

            long position = 0;
            while (true)
            {
                if (!TryReadHeader(input, position, out var type, out long size, out int headerLength) || size > input.Length - position)
                {
                    throw new MediaFormatException("The file has no complete movie (moov) box: it is no MP4, or it was cut off before its end was written.");
                }

                if (position == 0 && Printable(type) == "unnamed")
                {
                    throw new MediaFormatException("The file does not start with an MP4 box: it is no MP4.");
                }

                if (type == "moov")
                {
                    _tracks = Mp4MovieParser.Read(Content(position, size, headerLength, type), input.Length, out _fragmented);
                    _position = position + size;
                    break;
                }

                position += size;
            }

            if (_tracks.Count == 0)
            {
                throw new MediaFormatException("The file has no H.264, H.265 or AAC track.");
            }

            foreach (var track in _tracks)
            {
                _headers.Enqueue(new FlvTag(track.Entry.IsAudio ? FlvTagType.Audio : FlvTagType.Video, 0, SequenceHeader(track.Entry)));
            }
        }

        /// <summary>Whether the file has a video track RTMP can carry.</summary>
        public bool HasVideo => _tracks.Exists(t => !t.Entry.IsAudio);

        /// <summary>The next tag, or null at the end of the file.</summary>
        /// <exception cref="MediaFormatException">A box is malformed, a sample is larger than the limits allow, or lies past the end of a progressive file.</exception>
        public FlvTag? ReadTag()
        {
            if (_headers.Count > 0)
            {
                return _headers.Dequeue();
            }

            for (int ahead = 0; _fragmented && ahead < MaxFragmentsAhead && _tracks.Exists(t => t.Pending.Count == 0); ahead++)
            {
                if (!ReadFragment())
                {
                    break;
                }
            }

            Mp4ReadTrack? next = null;
            foreach (var track in _tracks)
            {
                if (track.Pending.Count > 0 && (next == null || Earlier(track, next)))
                {
                    next = track;
                }
            }

            if (next == null)
            {
                return null;
            }

            var sample = next.Pending.Dequeue();
            if (sample.Size > _limits.MaxFlvTagSize)
            {
                throw new MediaFormatException($"A sample of {sample.Size} bytes is larger than the {_limits.MaxFlvTagSize} a tag may have.");
            }

            if (sample.Offset < 0 || sample.Offset > _input.Length - sample.Size)
            {
                if (_fragmented)
                {
                    _tracks.ForEach(t => t.Pending.Clear());
                    _position = _input.Length;
                    return null;
                }

                throw new MediaFormatException($"A sample at byte {sample.Offset} lies past the end of the file: it was cut off.");
            }

            long timestamp = Milliseconds(sample.DecodeTime, next.Timescale);
            if (timestamp > uint.MaxValue)
            {
                throw new MediaFormatException("A sample's decode time is beyond what RTMP timestamps can hold.");
            }

            var entry = next.Entry;
            int header = entry.IsAudio ? 2 : entry.Video == Mp4Codec.Avc ? 5 : 8;
            var body = new byte[header + sample.Size];
            _input.Position = sample.Offset;
            ReadExactly(_input, body, header, sample.Size);
            if (entry.IsAudio)
            {
                body[0] = AacTagByte;
                body[1] = 1;
                return new FlvTag(FlvTagType.Audio, (uint)timestamp, body);
            }

            var frameType = sample.IsSync ? VideoFrameType.Key : VideoFrameType.Inter;
            int composition = (int)Math.Max(-0x800000, Math.Min(0x7FFFFF, Milliseconds(sample.CompositionOffset, next.Timescale)));
            if (entry.Video == Mp4Codec.Avc)
            {
                VideoTagHeader.WriteAvc(body, frameType, VideoPacketKind.CodedFrames, composition);
                return new FlvTag(FlvTagType.Video, (uint)timestamp, body);
            }

            int written = VideoTagHeader.WriteEnhanced(body, frameType, FourCc.Hvc1, VideoPacketKind.CodedFrames, composition);
            if (written < header)
            {
                // CodedFramesX has no composition field: close the gap it leaves.
                Buffer.BlockCopy(body, header, body, written, sample.Size);
                Array.Resize(ref body, written + sample.Size);
            }

            return new FlvTag(FlvTagType.Video, (uint)timestamp, body);
        }

        private static byte[] SequenceHeader(Mp4SampleEntry entry)
        {
            var configuration = entry.Configuration;
            if (entry.IsAudio)
            {
                var audio = new byte[2 + configuration.Length];
                audio[0] = AacTagByte;
                configuration.CopyTo(audio, 2);
                return audio;
            }

            var header = new byte[8];
            int length = entry.Video == Mp4Codec.Avc
                ? VideoTagHeader.WriteAvc(header, VideoFrameType.Key, VideoPacketKind.SequenceStart, 0)
                : VideoTagHeader.WriteEnhanced(header, VideoFrameType.Key, FourCc.Hvc1, VideoPacketKind.SequenceStart, 0);
            var body = new byte[length + configuration.Length];
            Buffer.BlockCopy(header, 0, body, 0, length);
            configuration.CopyTo(body, length);
            return body;
        }

        // Whether a's next sample is decoded before b's, compared in seconds without rounding.
        private static bool Earlier(Mp4ReadTrack a, Mp4ReadTrack b) =>
            (decimal)a.Pending.Peek().DecodeTime * b.Timescale < (decimal)b.Pending.Peek().DecodeTime * a.Timescale;

        private static long Milliseconds(long ticks, uint timescale) => (long)Math.Round((decimal)ticks * 1000 / timescale);

        // The next moof after the movie box, its samples queued; false at the end of the file or of its whole boxes.
        private bool ReadFragment()
        {
            while (TryReadHeader(_input, _position, out var type, out long size, out int headerLength) && size <= _input.Length - _position)
            {
                long start = _position;
                _position += size;
                if (type == "moof")
                {
                    Mp4FragmentParser.Read(Content(start, size, headerLength, type), start, _input.Length, _tracks);
                    return true;
                }
            }

            _position = _input.Length;
            return false;
        }

        private byte[] Content(long position, long size, int headerLength, string type)
        {
            if (size > MaxHeaderBoxBytes)
            {
                throw new MediaFormatException($"The {type} box at byte {position} declares {size} bytes, more than the {MaxHeaderBoxBytes} a header box may have.");
            }

            var content = new byte[size - headerLength];
            _input.Position = position + headerLength;
            ReadExactly(_input, content, 0, content.Length);
            return content;
        }
    }
}
