using System;
using RtmpXProtect.Engine.Media;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// One frame as the Recording Server takes it from a driver (the MIP VideoHeader /
    /// AudioHeader fields): its codec, its data (H.264/H.265 Annex B with parameter sets in
    /// front of key frames, or AAC framed as the feed was asked: ADTS or raw), whether it is a sync frame, its sequence
    /// number, the time of the last sync frame and its own presentation time on the wall clock.
    /// </summary>
    public sealed class DriverFrame
    {
        internal DriverFrame(VideoCodec video, bool isAudio, byte[] data, bool isSync, ushort sequence, DateTimeOffset syncTime, DateTimeOffset time, int sampleRate = 0, int channels = 0)
        {
            SampleRate = sampleRate;
            Channels = channels;
            VideoCodec = video;
            IsAudio = isAudio;
            Data = data;
            IsSync = isSync;
            SequenceNumber = sequence;
            SyncTime = syncTime;
            Time = time;
        }

        /// <summary>H.264 or H.265 for video; <see cref="Media.VideoCodec.Unknown"/> for audio.</summary>
        public VideoCodec VideoCodec { get; }

        /// <summary>AAC audio rather than video.</summary>
        public bool IsAudio { get; }

        /// <summary>Annex B access unit, or an AAC frame (ADTS or raw, as <see cref="AacFraming"/> was asked).</summary>
        public byte[] Data { get; }

        /// <summary>A key frame (every audio frame is one).</summary>
        public bool IsSync { get; }

        /// <summary>Counts the feed's frames, wrapping at 65536.</summary>
        public ushort SequenceNumber { get; }

        /// <summary>The presentation time of the last sync frame.</summary>
        public DateTimeOffset SyncTime { get; }

        /// <summary>When the frame is shown, on the wall clock.</summary>
        public DateTimeOffset Time { get; }

        /// <summary>Audio's sampling rate in Hz (from the AAC configuration); 0 for video.</summary>
        public int SampleRate { get; }

        /// <summary>Audio's channel count (from the AAC configuration); 0 for video.</summary>
        public int Channels { get; }
    }
}
