using System;
using System.IO;
using RtmpXProtect.Engine.Streaming.Helpers;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// The <see cref="HelperLauncher"/> serve uses: its helpers run this very program, so a helper
    /// is always the same build as its supervisor.
    /// </summary>
    internal static class SelfLauncher
    {
        /// <summary>A launcher of `rtmpx stream run …` as this process runs: the apphost or single-file rtmpx, or `dotnet rtmpx.dll`.</summary>
        public static HelperLauncher Create()
        {
            var process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");

            // `dotnet rtmpx.dll` runs as the dotnet host, which needs the dll named again.
            return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
                ? new HelperLauncher(process, Path.Combine(AppContext.BaseDirectory, "rtmpx.dll"))
                : new HelperLauncher(process);
        }
    }
}
