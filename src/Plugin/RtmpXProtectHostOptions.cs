using System;
using System.Collections.Concurrent;
using System.IO;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming.Helpers;
using RtmpXProtect.Engine.XProtect.Plugin;
using Serilog;
using VideoOS.Platform;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// What the Event Server's stream host runs with: the management server MIP is logged in to,
    /// the DPAPI key store, the System Log, and one rtmpx.exe helper per stream, started from the
    /// rtmpx.exe installed beside this assembly.
    /// </summary>
    internal static class RtmpXProtectHostOptions
    {
        /// <summary>%ProgramData%\RtmpXProtect\plugin: the helpers' configuration and, under keys\, the stream keys.</summary>
        public static string WorkFolder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "RtmpXProtect", "plugin");

        /// <summary>The options, and the launcher the caller disposes after the host (it ends any helper left).</summary>
        public static PluginStreamHostOptions Create(ILogger log, IStreamKeyStore keys, ISystemLog systemLog, out HelperLauncher launcher)
        {
            var helper = Path.Combine(Path.GetDirectoryName(typeof(RtmpXProtectHostOptions).Assembly.Location), "rtmpx.exe");
            var starter = new HelperLauncher(helper);
            launcher = starter;

            // One ring per stream, kept across its helper's restarts, so the lines before a crash stay readable.
            var rings = new ConcurrentDictionary<string, LogRing>(StringComparer.Ordinal);
            return new PluginStreamHostOptions
            {
                Connection = new PluginConnection { ManagementServer = ManagementServer() },
                WorkFolder = WorkFolder,
                Keys = keys,
                SystemLog = systemLog,
                Logger = log,
                Workers = (definition, configFile) => new HelperProcessWorker(definition, configFile, starter, rings.GetOrAdd(definition.Name, _ => new LogRing()), log),
            };
        }

        // The site the Event Server is logged in to, as scheme://host:port.
        private static Uri ManagementServer()
        {
            var server = EnvironmentManager.Instance.MasterSite.ServerId;
            return new UriBuilder(server.ServerScheme, server.ServerHostname, server.Serverport).Uri;
        }
    }
}
