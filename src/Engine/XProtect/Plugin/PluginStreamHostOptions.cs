using System;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>What a <see cref="PluginStreamHost"/> runs with; the adapter fills it from MIP.</summary>
    public sealed class PluginStreamHostOptions
    {
        /// <summary>The management server and how the helpers log in (the Event Server's Windows account by default).</summary>
        public PluginConnection Connection { get; set; } = new PluginConnection();

        /// <summary>
        /// A folder only the Event Server's account may read (e.g. %ProgramData%\RtmpXProtect\plugin):
        /// the helpers' rtmpx.json and the destination URL files it names.
        /// </summary>
        public string WorkFolder { get; set; } = string.Empty;

        /// <summary>
        /// Makes the worker of one stream, given the configuration file the helper reads it from
        /// (`rtmpx stream run NAME --config FILE --report`); the adapter runs the rtmpx.exe beside it.
        /// </summary>
        public Func<StreamDefinition, string, IStreamWorker>? Workers { get; set; }

        /// <summary>Where the destination URLs are kept.</summary>
        public IStreamKeyStore? Keys { get; set; }

        /// <summary>Where System Log entries go.</summary>
        public ISystemLog? SystemLog { get; set; }

        /// <summary>How crashed helpers are restarted (backoff); the supervisor's defaults when null.</summary>
        public StreamSupervisorOptions? Supervisor { get; set; }

        /// <summary>Lines of the live log the detail view shows. Default 40, as the seed plugin.</summary>
        public int LiveLogLines { get; set; } = 40;

        /// <summary>
        /// The loopback port of the status API (Get-RtmpStream / Get-RtmpStreamLog -Api
        /// http://127.0.0.1:PORT); 0 serves none. Default 1987, beside the driver's 1986 and
        /// `rtmpx serve`'s 1985.
        /// </summary>
        public int StatusApiPort { get; set; } = 1987;

        /// <summary>The plugin's own log (MIP's log, through Serilog); none when null.</summary>
        public ILogger? Logger { get; set; }
    }
}
