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

        /// <summary>The installed instance whose rtmpx.json to edit (its URLs go to its secrets/), instead of -ConfigPath.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Instances.InstanceNameCompleter))]
        public string? Instance { get; set; }

        /// <summary>The store over the chosen file, the path resolved the PowerShell way (relative to $PWD, PSDrives).</summary>
        protected StreamStore OpenStore() => new StreamStore(ConfigFile());

        /// <summary>The file the command edits: the instance's, -ConfigPath, or the default.</summary>
        protected string ConfigFile()
        {
            if (!string.IsNullOrEmpty(Instance))
            {
                if (!string.IsNullOrEmpty(ConfigPath))
                {
                    Fail(new PSArgumentException("Give -Instance or -ConfigPath, not both."), "InstanceOrConfigPath", ErrorCategory.InvalidArgument, Instance);
                }

                var layout = new Engine.Management.Instances.InstanceOperations().Layout(Instance!);
                if (layout == null)
                {
                    Fail(new ItemNotFoundException($"No instance named '{Instance}' on this machine."), "InstanceNotFound", ErrorCategory.ObjectNotFound, Instance);
                }

                return layout!.ConfigFile;
            }

            return string.IsNullOrEmpty(ConfigPath) ? StreamStore.DefaultConfigPath : GetUnresolvedProviderPathFromPSPath(ConfigPath);
        }

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
                Report(e, "ConfigurationInvalid", ErrorCategory.InvalidData, ConfigFile());
            }
        }
    }
}
