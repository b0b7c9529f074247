using System.Management.Automation;
using RtmpXProtect.Engine.Configuration;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>Remove-RtmpStream: deletes a stream and its stored keys (rtmpx stream remove); asks first.</summary>
    [Cmdlet(VerbsCommon.Remove, "RtmpStream", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveRtmpStreamCommand : StreamCmdlet
    {
        /// <summary>The stream to remove.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StreamNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>Removes one stream per pipeline item; -WhatIf leaves the file untouched.</summary>
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Remove RTMP stream"))
            {
                return;
            }

            try
            {
                if (!OpenStore().Remove(Name))
                {
                    Report(new ItemNotFoundException($"No stream named '{Name}'."), "StreamNotFound", ErrorCategory.ObjectNotFound, Name);
                }
            }
            catch (RtmpxConfigException e)
            {
                Report(e, "ConfigurationInvalid", ErrorCategory.InvalidData, Name);
            }
        }
    }
}
