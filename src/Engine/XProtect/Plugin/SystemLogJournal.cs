using System;
using System.Collections.Generic;
using System.Globalization;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// Turns stream events into System Log entries. A stream that keeps failing the same way (a
    /// refused key retried with backoff) writes its error once, not once a retry, until it connects
    /// or its helper restarts; every value is scrubbed of keys first.
    /// </summary>
    internal sealed class SystemLogJournal
    {
        private readonly ISystemLog _log;
        private readonly ILogger _logger;
        private readonly Dictionary<(string Stream, string Destination), string> _lastError = new Dictionary<(string, string), string>();
        private readonly object _gate = new object();

        public SystemLogJournal(ISystemLog log, ILogger logger)
        {
            _log = log;
            _logger = logger;
        }

        public void PluginStarted(int streams) => Write(SystemLogEntryKind.PluginStarted, (SystemLogParameter.Streams, streams.ToString(CultureInfo.InvariantCulture)));

        public void PluginStopped(int streams) => Write(SystemLogEntryKind.PluginStopped, (SystemLogParameter.Streams, streams.ToString(CultureInfo.InvariantCulture)));

        public void StreamStopped(string stream, string camera, string reason)
        {
            Forget(stream);
            Write(SystemLogEntryKind.StreamStopped, (SystemLogParameter.CameraName, camera), (SystemLogParameter.Reason, reason));
        }

        /// <summary>An item that cannot run: written once per distinct reason.</summary>
        public void Invalid(string stream, string camera, string reason)
        {
            if (FirstTime(stream, string.Empty, reason))
            {
                Write(SystemLogEntryKind.StreamError, (SystemLogParameter.CameraName, camera), (SystemLogParameter.Destination, "configuration"), (SystemLogParameter.Reason, reason));
            }
        }

        public void OnEvent(StreamerEvent e, string camera, SecretScrubber scrubber)
        {
            var destination = e.Destination == null ? "source" : scrubber.Scrub(e.Destination);
            var reason = scrubber.Scrub(e.Message);
            switch (e.Kind)
            {
                case StreamerEventKind.Connected:
                    Forget(e.Stream);
                    Write(SystemLogEntryKind.StreamConnected, (SystemLogParameter.CameraName, camera), (SystemLogParameter.Destination, destination));
                    break;
                case StreamerEventKind.Error:
                    if (FirstTime(e.Stream, destination, reason))
                    {
                        Write(SystemLogEntryKind.StreamError, (SystemLogParameter.CameraName, camera), (SystemLogParameter.Destination, destination), (SystemLogParameter.Reason, reason));
                    }

                    break;
                case StreamerEventKind.WorkerCrashed:
                    Forget(e.Stream);
                    Write(SystemLogEntryKind.HelperCrashed, (SystemLogParameter.CameraName, camera), (SystemLogParameter.Reason, reason));
                    break;
                default:
                    // State changes show as the item's state; Stopped is written by the host, which knows why.
                    break;
            }
        }

        private bool FirstTime(string stream, string destination, string reason)
        {
            lock (_gate)
            {
                if (_lastError.TryGetValue((stream, destination), out var last) && last == reason)
                {
                    return false;
                }

                _lastError[(stream, destination)] = reason;
                return true;
            }
        }

        private void Forget(string stream)
        {
            lock (_gate)
            {
                foreach (var key in new List<(string Stream, string Destination)>(_lastError.Keys))
                {
                    if (key.Stream == stream)
                    {
                        _lastError.Remove(key);
                    }
                }
            }
        }

        private void Write(SystemLogEntryKind kind, params (string Name, string Value)[] parameters)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in parameters)
            {
                values[name] = value;
            }

            try
            {
                _log.Write(new SystemLogEntry(SystemLogCatalogue.Of(kind), values, DateTimeOffset.UtcNow));
            }
#pragma warning disable CA1031 // The System Log failing must not stop streaming.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                _logger.Warning("Writing a System Log entry failed: {Error}", failure.Message);
            }
        }
    }
}
