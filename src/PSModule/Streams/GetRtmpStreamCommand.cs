using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>
    /// Get-RtmpStream: the configured streams (rtmpx stream list) with their running state from the
    /// status API when a server answers (rtmpx stream status).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RtmpStream")]
    [OutputType(typeof(RtmpStreamInfo))]
    public sealed class GetRtmpStreamCommand : StreamCmdlet
    {
        /// <summary>Names to show; wildcards allowed; all streams when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StreamNameCompleter))]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        /// <summary>The status API of the running `rtmpx serve`; the instance's with -Instance, else http://127.0.0.1:1985, when omitted.</summary>
        [Parameter]
        public Uri? Api { get; set; }

        /// <summary>Skip asking the server for state: the configuration only.</summary>
        [Parameter]
        public SwitchParameter NoStatus { get; set; }

        /// <summary>Lists matching streams; a name without wildcards that matches nothing is an error.</summary>
        protected override void ProcessRecord()
        {
            IReadOnlyList<StreamDefinition> streams;
            try
            {
                streams = OpenStore().List();
            }
            catch (RtmpxConfigException e)
            {
                Fail(e, "ConfigurationInvalid", ErrorCategory.InvalidData, ConfigFile());
                return;
            }

            var running = NoStatus ? new Dictionary<string, StreamerStatus>() : RunningStreams();
            var patterns = (Name ?? new[] { "*" }).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var stream in streams.Where(s => patterns.Any(p => p.IsMatch(s.Name))))
            {
                running.TryGetValue(stream.Name, out var status);
                WriteObject(new RtmpStreamInfo(stream, status));
            }

            foreach (var name in (Name ?? Array.Empty<string>()).Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
            {
                if (!streams.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    Report(new ItemNotFoundException($"No stream named '{name}'."), "StreamNotFound", ErrorCategory.ObjectNotFound, name);
                }
            }
        }

        // With -Instance and no -Api, the instance's own status API.
        private Uri? InstanceApi()
        {
            var api = string.IsNullOrEmpty(Instance) ? null : Engine.Configuration.RtmpxConfigLoader.Load(ConfigFile()).Api.Listen;
            return api == null ? null : new Uri("http://" + api);
        }

        private Dictionary<string, StreamerStatus> RunningStreams()
        {
            try
            {
                using var client = new StatusApiClient(Api ?? InstanceApi());
                return Await(client.GetStreamsAsync(Cancellation)).ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
            }
            catch (StatusApiException e)
            {
                // No server is a normal answer here (the configuration is still worth listing).
                WriteVerbose(e.Message);
                return new Dictionary<string, StreamerStatus>();
            }
        }
    }
}
