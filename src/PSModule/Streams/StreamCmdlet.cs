using System;
using System.Management.Automation;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>The stream cmdlets edit the same rtmpx.json that `rtmpx serve` runs and `rtmpx stream` edits.</summary>
    public abstract class StreamCmdlet : RtmpCmdlet
    {
        /// <summary>The rtmpx.json to edit; $env:RTMPX_CONFIG or the machine-wide file when omitted.</summary>
        [Parameter]
        public string? ConfigPath { get; set; }

        /// <summary>The store over the chosen file, the path resolved the PowerShell way (relative to $PWD, PSDrives).</summary>
        protected StreamStore OpenStore() => new StreamStore(
            string.IsNullOrEmpty(ConfigPath) ? StreamStore.DefaultConfigPath : GetUnresolvedProviderPathFromPSPath(ConfigPath));

        /// <summary>
        /// Runs one store operation for one stream and writes the stream it leaves; a broken rule or an
        /// unreadable file is that item's error (the messages name the stream and the key, never a URL).
        /// </summary>
        protected void Edit(string name, string errorId, ErrorCategory category, Func<StreamStore, StreamDefinition> operation)
        {
            try
            {
                WriteObject(new RtmpStreamInfo(operation(OpenStore()), null));
            }
            catch (StreamStoreException e)
            {
                Report(e, errorId, category, name);
            }
            catch (RtmpxConfigException e)
            {
                Report(e, "ConfigurationInvalid", ErrorCategory.InvalidData, ConfigPath ?? StreamStore.DefaultConfigPath);
            }
        }
    }
}
