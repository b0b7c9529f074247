using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RtmpXProtect.Bench.Load.Runtime;

/// <summary>
/// The garbage collections of a .NET server, from the runtime's own GC events over EventPipe (what
/// dotnet-trace and PerfView read): a pause runs from GCSuspendEEStart to GCRestartEEStop, the
/// time every managed thread was stopped; a background collection pauses twice, and both count.
/// Each pause is told by the generation of the collection that started inside it (a background
/// collection's second pause starts none, and counts as generation 2), so a summary can show the
/// young collections apart from the rare full one.
/// Only what happens between <see cref="Open"/> and <see cref="Close"/> counts, by the events'
/// raw QPC time stamps, which on one machine are this process's Stopwatch ticks too (Linux's
/// monotonic clock), and it is read after <see cref="StopAsync"/> has flushed the session.
/// </summary>
internal sealed class GcPauseMonitor : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly EventPipeSession _session;
    private readonly Task _processing;
    private readonly List<(long At, double Milliseconds, int Generation)> _pauses = new();
    private readonly List<(long At, int Generation)> _collections = new();
    private long _suspendedAt;
    private int _pauseGeneration = -1;
    private bool _suspendedForGc;
    private long _openedAt = long.MaxValue;
    private long _closedAt = long.MaxValue;
    private bool _stopped;

    private GcPauseMonitor(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += OnStart;
        source.Clr.GCSuspendEEStart += OnSuspending;
        source.Clr.GCRestartEEStop += OnRestarted;
        _processing = Task.Run(() => source.Process());
    }

    /// <summary>Connects to the process's diagnostic port; null when it has none (a build without EventPipe).</summary>
    public static GcPauseMonitor? TryStart(int pid)
    {
        try
        {
            var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC);
            return new GcPauseMonitor(new DiagnosticsClient(pid).StartEventPipeSession(provider, requestRundown: false));
        }
        catch (Exception e) when (e is ServerNotAvailableException || e is UnsupportedCommandException || e is TimeoutException || e is System.IO.IOException)
        {
            return null;
        }
    }

    /// <summary>The window starts now.</summary>
    public void Open()
    {
        lock (_gate) { _openedAt = Stopwatch.GetTimestamp(); }
    }

    /// <summary>The window ends now.</summary>
    public void Close()
    {
        lock (_gate) { _closedAt = Stopwatch.GetTimestamp(); }
    }

    /// <summary>Ends the session, waits for its last events, and sums up the window.</summary>
    public async Task<GcSummary> StopAsync()
    {
        await StopSessionAsync().ConfigureAwait(false);
        lock (_gate)
        {
            var pauses = _pauses.Where(p => InWindow(p.At)).ToList();
            var generations = _collections.Where(c => InWindow(c.At)).Select(c => Math.Min(c.Generation, 2)).ToList();
            return new GcSummary(
                generations.Count(g => g == 0), generations.Count(g => g == 1), generations.Count(g => g == 2),
                pauses.Select(p => p.Milliseconds).DefaultIfEmpty(0).Max(),
                pauses.Where(p => p.Generation < 2).Select(p => p.Milliseconds).DefaultIfEmpty(0).Max());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopSessionAsync().ConfigureAwait(false);
        _session.Dispose();
    }

    private async Task StopSessionAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
            await _session.StopAsync(default).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServerNotAvailableException || e is System.IO.IOException || e is TimeoutException)
        {
            // The server exited first: its stream simply ends.
        }

        await Task.WhenAny(_processing, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
    }

    // TraceEvent marks the raw stamp "discouraged" because most readers want session-relative times;
    // the window was opened on this process's clock, which only the raw stamp shares.
#pragma warning disable CS0618
    private static long Qpc(TraceEvent e) => e.TimeStampQPC;
#pragma warning restore CS0618

    private bool InWindow(long at) => at >= _openedAt && at <= _closedAt;

    private void OnStart(GCStartTraceData e)
    {
        lock (_gate)
        {
            _collections.Add((Qpc(e), e.Depth));
            _pauseGeneration = Math.Max(_pauseGeneration, Math.Min(e.Depth, 2));
        }
    }

    private void OnSuspending(GCSuspendEETraceData e)
    {
        lock (_gate)
        {
            // A suspension for a debugger or a thread abort is not the GC's.
            _suspendedForGc = e.Reason == GCSuspendEEReason.SuspendForGC || e.Reason == GCSuspendEEReason.SuspendForGCPrep;
            _suspendedAt = Qpc(e);
            _pauseGeneration = -1;
        }
    }

    private void OnRestarted(GCNoUserDataTraceData e)
    {
        lock (_gate)
        {
            if (_suspendedForGc && _suspendedAt != 0)
            {
                _pauses.Add((_suspendedAt, (Qpc(e) - _suspendedAt) * 1000.0 / Stopwatch.Frequency, _pauseGeneration < 0 ? 2 : _pauseGeneration));
            }

            _suspendedAt = 0;
        }
    }
}

/// <summary>What the GC did in a window: collections per generation, the longest pause, the longest of gen0 and gen1 collections.</summary>
internal sealed record GcSummary(int Gen0, int Gen1, int Gen2, double MaxPauseMs, double MaxYoungPauseMs);
