using System;
using System.Collections.Generic;
using System.IO;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Mp4;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>
    /// A recording segment in fragmented MP4: H.264 or H.265 video and AAC audio from the FLV tags,
    /// decode times from the publish's clock, presentation times with the composition offset.
    /// </summary>
    internal sealed class Mp4Segment : IRecordingSegment
    {
        private readonly FileStream _file;
        private readonly FragmentedMp4Writer _writer;
        private readonly int _videoTrack = -1;
        private readonly int _audioTrack = -1;
        private long _lastVideo = -1;
        private long _lastAudio = -1;
        private long _lastVideoGap = 40;

        private Mp4Segment(FileStream file, IReadOnlyList<Mp4Track> tracks, int video, int audio, DateTimeOffset wallClock)
        {
            _file = file;
            _videoTrack = video;
            _audioTrack = audio;
            _writer = new FragmentedMp4Writer(file, tracks, wallClock, ownsOutput: false, wallClock);
        }

        public long VideoFrames { get; private set; }

        public long AudioFrames { get; private set; }

        /// <summary>The tracks MP4 can hold of these sequence headers (FLV tag bodies), or null with <paramref name="why"/> when there is none.</summary>
        public static List<Mp4Track>? Tracks(MediaFrame? video, MediaFrame? audio, out int videoTrack, out int audioTrack, out string? why)
        {
            var tracks = new List<Mp4Track>();
            videoTrack = audioTrack = -1;
            why = null;
            if (video != null)
            {
                var track = VideoTrack(video.Message.Payload.Span, out why);
                if (track != null)
                {
                    videoTrack = tracks.Count;
                    tracks.Add(track);
                }
            }

            if (audio != null && AudioTagHeader.TryParse(audio.Message.Payload.Span, out var header) && header.IsAacSequenceHeader)
            {
                try
                {
                    audioTrack = tracks.Count;
                    tracks.Add(new Mp4AudioTrack(audio.Message.Payload.Span.Slice(header.DataOffset).ToArray()));
                }
                catch (MediaFormatException e)
                {
                    audioTrack = -1;
                    why ??= "its AAC configuration does not parse: " + e.Message;
                }
            }

            return tracks.Count == 0 ? null : tracks;
        }

        /// <summary>Starts the file with the tracks of <see cref="Tracks"/>.</summary>
        public static Mp4Segment Start(FileStream file, IReadOnlyList<Mp4Track> tracks, int videoTrack, int audioTrack, DateTime startUtc)
            => new Mp4Segment(file, tracks, videoTrack, audioTrack, new DateTimeOffset(startUtc, TimeSpan.Zero));

        public void Write(MediaFrame frame, long milliseconds)
        {
            var body = frame.Message.Payload.Span;
            try
            {
                if (frame.Message.Type == Rtmp.Messages.MessageType.Video)
                {
                    if (_videoTrack < 0 || !VideoTagHeader.TryParse(body, out var video) || video.PacketKind != VideoPacketKind.CodedFrames || video.IsCommandFrame
                        || milliseconds <= _lastVideo)
                    {
                        return;
                    }

                    _writer.Write(_videoTrack, body.Slice(video.DataOffset), milliseconds, milliseconds + Math.Max(0, video.CompositionTime), video.IsKeyFrame);
                    if (_lastVideo >= 0)
                    {
                        _lastVideoGap = milliseconds - _lastVideo;
                    }

                    _lastVideo = milliseconds;
                    VideoFrames++;
                }
                else if (_audioTrack >= 0 && milliseconds > _lastAudio && AudioTagHeader.TryParse(body, out var audio) && !audio.IsSequenceHeader
                    && (audio.Codec == AudioCodec.Aac || audio.FourCc == FourCc.Mp4a) && body.Length > audio.DataOffset)
                {
                    _writer.Write(_audioTrack, body.Slice(audio.DataOffset), milliseconds, milliseconds, sync: true);
                    _lastAudio = milliseconds;
                    AudioFrames++;
                }
            }
            catch (ArgumentException)
            {
                // A frame before the segment's first (audio a little ahead of the key frame) has no place in it.
            }
        }

        public void Complete() => _writer.Complete(_lastVideoGap);

        public void Dispose()
        {
            _writer.Dispose();
            _file.Dispose();
        }

        private static Mp4VideoTrack? VideoTrack(ReadOnlySpan<byte> body, out string? why)
        {
            why = null;
            if (!VideoTagHeader.TryParse(body, out var header) || (header.Codec != VideoCodec.Avc && header.Codec != VideoCodec.Hevc))
            {
                why = "its video is neither H.264 nor H.265";
                return null;
            }

            try
            {
                return Mp4VideoTrack.FromConfiguration(header.Codec == VideoCodec.Avc ? Mp4Codec.Avc : Mp4Codec.Hevc, body.Slice(header.DataOffset));
            }
            catch (MediaFormatException e)
            {
                why = "its video parameter sets do not parse: " + e.Message;
                return null;
            }
        }
    }
}
