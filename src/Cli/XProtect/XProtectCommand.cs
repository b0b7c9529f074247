using System.CommandLine;

namespace RtmpXProtect.Cli.XProtect
{
    /// <summary>`rtmpx xprotect`: an XProtect site over its open protocols (no MIP SDK, any OS).</summary>
    internal static class XProtectCommand
    {
        public static Command Create() =>
            new Command("xprotect", "Cameras and recordings of a Milestone XProtect site over its open protocols (OAuth, SOAP Login, API Gateway, ImageServer).")
            {
                XProtectCamerasCommand.Create(),
                XProtectExportCommand.Create(),
            };
    }
}
