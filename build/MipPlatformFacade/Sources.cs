namespace RtmpXProtect.Build.MipPlatformFacade
{
    /// <summary>
    /// The public sources cited: Milestone's own plug-in samples (milestonesys/mipsdk-samples-plugin)
    /// and the seed RTMPStreamer (Cacsjep/mscp), both built against the real package.
    /// </summary>
    internal static class Sources
    {
        public const string Definition = "github.com/Cacsjep/mscp: Admin Plugins/RtmpStreamer/RtmpStreamerDefinition.cs";
        public const string CarrouselDefinition = "github.com/milestonesys/mipsdk-samples-plugin: ServerSideCarrousel/ServerSideCarrouselDefinition.cs";
        public const string ItemManager = "github.com/Cacsjep/mscp: Admin Plugins/RtmpStreamer/Admin/RtmpStreamerItemManager.cs";
        public const string CarrouselItemManager = "github.com/milestonesys/mipsdk-samples-plugin: ServerSideCarrousel/Admin/CarrouselItemManager.cs";
        public const string Background = "github.com/Cacsjep/mscp: Admin Plugins/RtmpStreamer/Background/RtmpStreamerBackgroundPlugin.cs";
        public const string PropertyBackground = "github.com/milestonesys/mipsdk-samples-plugin: Property/Background/PropertyBackgroundPlugin.cs";
        public const string SdkNotes = "github.com/Cacsjep/mscp: Admin Plugins/RtmpStreamer/SDK.md";
        public const string EnvMessages = "github.com/Cacsjep/mscp: CommunitySDK/EnvMessageHandler.cs";
        public const string CrossMessages = "github.com/Cacsjep/mscp: CommunitySDK/CrossMessageHandler.cs";
        public const string Chat = "github.com/milestonesys/mipsdk-samples-plugin: Chat/Client/ChatSidePanelWpfUserControl.xaml.cs";
        public const string ChatReadme = "github.com/milestonesys/mipsdk-samples-plugin: Chat/README.md";
        public const string StatusView = "github.com/Cacsjep/mscp: Admin Plugins/RtmpStreamer/Admin/StreamConfigUserControl.cs";
        public const string SystemLogBase = "github.com/Cacsjep/mscp: CommunitySDK/SystemLogBase.cs";
        public const string SystemLog = "github.com/Cacsjep/mscp: Admin Plugins/RtmpStreamer/SystemLog.cs";
    }
}
