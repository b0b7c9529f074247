namespace RtmpXProtect.Build.MipFacade
{
    /// <summary>The public sources cited (Cacsjep/mscp is the seed RTMPDriver, a public MIP driver built on the real package).</summary>
    internal static class Sources
    {
        public const string Reference = "Milestone MIP SDK reference, VideoOS.Platform.DriverFramework.xml (MipSdkRedist 20.1.0): https://www.powershellgallery.com/packages/MipSdkRedist/20.1.0/Content/Bin%5CVideoOS.Platform.DriverFramework.xml";
        public const string Definition = "github.com/Cacsjep/mscp: Device Drivers/Rtmp/RTMPDriver/DriverFramework/RTMPDriverDriverDefinition.cs";
        public const string Container = "github.com/Cacsjep/mscp: Device Drivers/Rtmp/RTMPDriver/DriverFramework/RTMPDriverContainer.cs";
        public const string Connection = "github.com/Cacsjep/mscp: Device Drivers/Rtmp/RTMPDriver/DriverFramework/RTMPDriverConnectionManager.cs";
        public const string Configuration = "github.com/Cacsjep/mscp: Device Drivers/Rtmp/RTMPDriver/DriverFramework/RTMPDriverConfigurationManager.cs";
        public const string Streams = "github.com/Cacsjep/mscp: Device Drivers/Rtmp/RTMPDriver/DriverFramework/RTMPDriverStreamManager.cs";
        public const string Session = "github.com/Cacsjep/mscp: Device Drivers/Rtmp/RTMPDriver/StreamSessions/BaseRTMPDriverStreamSession.cs";
        public const string Video = "github.com/Cacsjep/mscp: Device Drivers/Rtmp/RTMPDriver/StreamSessions/RTMPDriverVideoStreamSession.cs";
        public const string Constants = "github.com/Cacsjep/mscp: Device Drivers/Rtmp/RTMPDriver/Config/Constants.cs";
        public const string Audio = "github.com/Cacsjep/mscp: Device Drivers/Rtsp/RTSPDriver/StreamSessions/RTSPDriverAudioStreamSession.cs";
        public const string Microphones = "github.com/Cacsjep/mscp: Device Drivers/Rtsp/RTSPDriver/DriverFramework/RTSPDriverConfigurationManager.cs";
        public const string Hevc = "github.com/Cacsjep/mscp: Device Drivers/Rtsp/RTSPDriver/StreamSessions/RTSPDriverVideoStreamSession.cs";
    }
}
