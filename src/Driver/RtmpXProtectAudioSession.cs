using System;
using RtmpXProtect.Engine.XProtect.Driver;
using VideoOS.Platform.DriverFramework.Data;
using VideoOS.Platform.DriverFramework.Managers;

namespace RtmpXProtect.Driver
{
    /// <summary>A microphone's live AAC for one Recording Server session: the device feed's raw access units with their MIP header.</summary>
    public sealed class RtmpXProtectAudioSession : BaseStreamSession
    {
        // MIP's AudioCodecType for AAC (AACMPEG4), as the public RTSP driver maps it (Cacsjep/mscp RtspClientWorker.cs).
        private const uint AacMpeg4 = 18;

        // An AAC-LC access unit always codes 1024 samples per channel (ISO/IEC 14496-3).
        private const int SamplesPerFrame = 1024;

        // What the decoder makes of it: 16-bit PCM, the value the public driver gives for compressed audio.
        private const int DecodedBits = 16;

        private readonly RtmpDriver _driver;
        private readonly int _device;
        private readonly DeviceFeed _feed;

        /// <summary>Opens an audio feed of <paramref name="device"/>.</summary>
        public RtmpXProtectAudioSession(RtmpDriver driver, int device)
        {
            _driver = driver;
            _device = device;
            _feed = driver.OpenFeed(device, audio: true, framing: AacFraming.Raw);
        }

        /// <inheritdoc />
        public override bool GetLiveFrame(TimeSpan timeout, out BaseDataHeader header, out byte[] data)
        {
            header = null;
            data = null;
            if (!_feed.TryGetFrame(timeout, out var frame))
            {
                return false;
            }

            data = frame.Data;
            header = new AudioHeader
            {
                CodecType = AacMpeg4,
                CodecSubtype = 0,
                Timestamp = frame.Time.UtcDateTime,
                ChannelCount = frame.Channels,
                BitsPerSample = DecodedBits,
                Frequency = frame.SampleRate,
                SampleCount = SamplesPerFrame,
                Length = (ulong)frame.Data.Length,
                SequenceNumber = frame.SequenceNumber,
            };
            return true;
        }

        /// <inheritdoc />
        public override void Close() => _driver.CloseFeed(_device, _feed);
    }
}
