using System.Management.Automation;

namespace RtmpXProtect.PSModule.Ingest
{
    /// <summary>
    /// Remove-Module stops the ingests the session started: otherwise their listeners would hold the
    /// ports until the process exits, and a re-imported module could not list or stop them.
    /// </summary>
    public sealed class IngestCleanup : IModuleAssemblyCleanup
    {
        /// <summary>Stops every ingest still running.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            foreach (var host in IngestSessions.All())
            {
                host.StopAsync().GetAwaiter().GetResult();
                IngestSessions.Remove(host);
            }
        }
    }
}
