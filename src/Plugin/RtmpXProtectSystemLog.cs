using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.XProtect.Plugin;
using VideoOS.Platform;
using VideoOS.Platform.Log;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// The plugin's System Log (Management Client, Logs): the engine's catalogue registered as one
    /// MIP log dictionary, each entry written with <c>LogClient.NewEntry</c> off the caller's
    /// thread, as <see cref="ISystemLog"/> asks.
    /// </summary>
    internal sealed class RtmpXProtectSystemLog : ISystemLog
    {
        private const string Application = "RtmpXProtect";
        private const string Component = "Plugin";

        // A System Log that stopped answering must not grow the queue without end.
        private const int MaxQueued = 1000;

        private readonly object _gate = new object();
        private readonly Action<Exception> _failed;
        private Task _tail = Task.CompletedTask;
        private int _queued;

        /// <summary>Registers the catalogue; <paramref name="failed"/> hears of a registration or an entry that failed.</summary>
        public RtmpXProtectSystemLog(Action<Exception> failed)
        {
            _failed = failed;
            var messages = SystemLogCatalogue.All.ToDictionary(d => d.Id, ToMessage, StringComparer.Ordinal);
            try
            {
                LogClient.Instance.RegisterDictionary(new LogMessageDictionary("en-US", "1.0", Application, Component, messages, "text"));
            }
#pragma warning disable CA1031 // Without the System Log the streams still run; the failure is reported.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _failed(failure);
            }
        }

        /// <inheritdoc />
        public void Write(SystemLogEntry entry)
        {
            if (Interlocked.Increment(ref _queued) > MaxQueued)
            {
                Interlocked.Decrement(ref _queued);
                return;
            }

            var parameters = entry.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            lock (_gate)
            {
                // One after another, in order, on the pool.
                _tail = _tail.ContinueWith(_ => NewEntry(entry.Definition.Id, parameters), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }

        private static LogMessage ToMessage(SystemLogEntryDefinition definition) => new LogMessage
        {
            Id = definition.Id,
            Group = Group.System,
            Severity = definition.Severity == SystemLogSeverity.Error ? Severity.Error : definition.Severity == SystemLogSeverity.Warning ? Severity.Warning : Severity.Info,
            Status = definition.Severity == SystemLogSeverity.Info ? Status.StatusQuo : Status.Failure,
            RelatedObjectKind = Kind.Server,
            Category = "VideoOut",
            CategoryName = "RTMP streaming",
            Message = definition.Template,
        };

        private void NewEntry(string messageId, Dictionary<string, string> parameters)
        {
            try
            {
                var site = EnvironmentManager.Instance.GetSiteItem(EnvironmentManager.Instance.MasterSite);
                LogClient.Instance.NewEntry(Application, Component, messageId, site, parameters);
            }
#pragma warning disable CA1031 // A System Log failure is reported, never thrown at the streams.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _failed(failure);
            }
            finally
            {
                Interlocked.Decrement(ref _queued);
            }
        }
    }
}
