using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.XProtect.Driver;
using VideoOS.Platform.DriverFramework.Data;
using VideoOS.Platform.DriverFramework.Managers;

namespace RtmpXProtect.Driver
{
    /// <summary>A camera's live video for one Recording Server session: the device feed's frames with their MIP header.</summary>
    public sealed class RtmpXProtectVideoSession : BaseStreamSession
    {
        private readonly RtmpDriver _driver;
        private readonly int _device;
        private readonly DeviceFeed _feed;

        /// <summary>Opens a feed of <paramref name="device"/>.</summary>
        public RtmpXProtectVideoSession(RtmpDriver driver, int device)
        {
            _driver = driver;
            _device = device;
            _feed = driver.OpenFeed(device);
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
            header = new VideoHeader
            {
                CodecType = frame.VideoCodec == VideoCodec.Hevc ? VideoCodecType.H265 : VideoCodecType.H264,
                Length = (ulong)frame.Data.Length,
                SequenceNumber = frame.SequenceNumber,
                SyncFrame = frame.IsSync,
                TimestampSync = frame.SyncTime.UtcDateTime,
                TimestampFrame = frame.Time.UtcDateTime,
            };
            return true;
        }

        /// <inheritdoc />
        public override void Close() => _driver.CloseFeed(_device, _feed);
    }
}
