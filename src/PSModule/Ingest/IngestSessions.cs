using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.PSModule.Ingest
{
    /// <summary>
    /// The ingests started in this PowerShell process, so Get-RtmpIngest and Stop-RtmpIngest find them
    /// without the variable Start-RtmpIngest returned. Runspaces share the process, hence the lock.
    /// </summary>
    internal static class IngestSessions
    {
        private static readonly List<IngestHost> Running = new List<IngestHost>();

        public static void Add(IngestHost host)
        {
            lock (Running)
            {
                Running.Add(host);
            }
        }

        public static void Remove(IngestHost host)
        {
            lock (Running)
            {
                Running.Remove(host);
            }
        }

        public static IReadOnlyList<IngestHost> All()
        {
            lock (Running)
            {
                return Running.ToList();
            }
        }
    }
}
