using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// The receiving side of an rtsp:// source played over UDP: the RTP of every track, in order,
    /// and the RTSP connection read alongside, which now carries only answers to keep-alives but
    /// says by closing that the server ended the session. The source is silent when no datagram
    /// came from the server for the silence timeout, however alive the RTSP connection is.
    /// </summary>
    internal sealed class RtspUdpPlayback : IDisposable
    {
        private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(5);

        private readonly IReadOnlyList<RtspUdpTrack> _tracks;
        private readonly Func<CancellationToken, Task<bool>> _readRtsp;
        private readonly TimeSpan _silenceTimeout;
        private readonly CancellationToken _stopping;
        private readonly CancellationTokenSource _silence;
        private readonly Task _silent;
        private readonly Task<UdpReceiveResult>?[] _receives;
        private Task<bool>? _rtsp;

        /// <param name="tracks">The tracks, set up and connected to the server's ports, by track index.</param>
        /// <param name="readRtsp">Reads one message of the RTSP connection: false when the server closed it.</param>
        /// <param name="silenceTimeout">How long without a datagram from the server ends the play.</param>
        /// <param name="stopping">Ends the play.</param>
        public RtspUdpPlayback(IReadOnlyList<RtspUdpTrack> tracks, Func<CancellationToken, Task<bool>> readRtsp, TimeSpan silenceTimeout, CancellationToken stopping)
        {
            _tracks = tracks;
            _readRtsp = readRtsp;
            _silenceTimeout = silenceTimeout;
            _stopping = stopping;
            _silence = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            _silence.CancelAfter(silenceTimeout);
            _silent = Task.Delay(Timeout.Infinite, _silence.Token);
            _receives = new Task<UdpReceiveResult>?[tracks.Count];
        }

        /// <summary>
        /// The packets of one track now in order, or null when the server closed the RTSP connection.
        /// </summary>
        /// <exception cref="TimeoutException">Nothing came from the server for the silence timeout.</exception>
        /// <exception cref="OperationCanceledException">Stopping.</exception>
        public async Task<(int Track, IReadOnlyList<byte[]> Packets)?> NextAsync()
        {
            var waiting = new Task[_tracks.Count + 2];
            while (true)
            {
                for (int i = 0; i < _tracks.Count; i++)
                {
                    waiting[i] = _receives[i] ??= _tracks[i].ReceiveAsync();
                }

                waiting[_tracks.Count] = _rtsp ??= _readRtsp(_stopping);
                waiting[_tracks.Count + 1] = _silent;
                var done = await Task.WhenAny(waiting).ConfigureAwait(false);
                if (done == _silent)
                {
                    _stopping.ThrowIfCancellationRequested();
                    throw new TimeoutException("no RTP came over UDP for " + _silenceTimeout.TotalSeconds + " s");
                }

                if (done == _rtsp)
                {
                    _rtsp = null;
                    if (!await ((Task<bool>)done).ConfigureAwait(false))
                    {
                        return null;
                    }

                    continue;
                }

                var track = Array.IndexOf(waiting, done);
                _receives[track] = null;
                UdpReceiveResult datagram;
                try
                {
                    datagram = await ((Task<UdpReceiveResult>)done).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset || e.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    // Windows reports an ICMP port unreachable (a punch that reached a closed port) on the next receive: not an end.
                    continue;
                }

                if (!_tracks[track].IsFromServer(datagram))
                {
                    continue;
                }

                _silence.CancelAfter(_silenceTimeout);
                var packets = _tracks[track].Take(datagram, DateTime.UtcNow);
                if (packets.Count > 0)
                {
                    return (track, packets);
                }
            }
        }

        /// <summary>
        /// Punches every track's path through NAT and firewalls (twice, as one datagram may be lost),
        /// then sends receiver reports every few seconds until <paramref name="cancel"/>.
        /// </summary>
        public async Task ReportAsync(CancellationToken cancel)
        {
            try
            {
                for (int round = 0; ; round++)
                {
                    foreach (var track in _tracks)
                    {
                        try
                        {
                            await (round < 2 ? track.PunchAsync() : track.ReportAsync()).ConfigureAwait(false);
                        }
                        catch (SocketException)
                        {
                            // One report that could not go (an ICMP error reported late, a route that came and went) stops none of the next.
                        }
                    }

                    await Task.Delay(round == 0 ? TimeSpan.FromMilliseconds(100) : ReportInterval, cancel).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException)
            {
                // Stopping, or the sockets closed under it: the receiving side reports what matters.
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            // Receives pending when the sockets close fault; they are observed here, not left to the finalizer.
            foreach (var receive in _receives)
            {
                receive?.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            _rtsp?.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _silence.Dispose();
        }
    }
}
