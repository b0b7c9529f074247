namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>How a device feed hands out AAC frames.</summary>
    public enum AacFraming
    {
        /// <summary>
        /// Each frame behind its ADTS header, so it decodes on its own: what ffmpeg reads from a
        /// file of them, and how the tests check the feed.
        /// </summary>
        Adts,

        /// <summary>
        /// The raw access unit, the rate and channels beside it (<see cref="DriverFrame.SampleRate"/>,
        /// <see cref="DriverFrame.Channels"/>): what the public MIP drivers hand the Recording Server
        /// in an AudioHeader (github.com/Cacsjep/mscp: Device Drivers/Rtsp/RTSPDriver/Rtsp/RtspClientWorker.cs
        /// passes the RTSP demuxer's raw AAC packets as codec 18, AACMPEG4).
        /// </summary>
        Raw,
    }
}
