using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>Applying a new configuration to a running server.</summary>
    public sealed partial class RtmpServer
    {
        private readonly object _reconfiguring = new object();

        /// <summary>
        /// Applies new options to the running server without dropping the sessions they do not
        /// affect. The access policy is swapped at once and every running publish and play is
        /// re-checked against it: those it no longer allows are closed with
        /// <see cref="RejectionReason.AccessRevoked"/>, the others lose no frame. Admission limits,
        /// timeouts, the GOP cache bound and the player queue policy apply to new connections and
        /// the next sweep; the record setting to the next publish; hooks to the next event. A changed plain endpoint restarts
        /// only the plain listener, a changed RTMPS endpoint or certificate only the TLS one; a null
        /// endpoint stops its listener; accepted sessions keep running either way. The server keeps
        /// the new options object (do not change it afterwards) and does not dispose the old
        /// certificate: TLS sessions accepted with it may still be running.
        /// </summary>
        /// <exception cref="InvalidOperationException">Not started, stopping, no endpoint, or RTMPS without a certificate with its private key; nothing was changed.</exception>
        /// <exception cref="FormatException">A publisher network is not an address or CIDR range; nothing was changed.</exception>
        /// <exception cref="SocketException">A new endpoint cannot be bound; access, limits and the other listener were applied, this listener stays as it was.</exception>
        public Reconfiguration Reconfigure(RtmpServerOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            lock (_reconfiguring)
            {
                if (_sweep == null || _stopping.IsCancellationRequested)
                {
                    throw new InvalidOperationException("The server is not running.");
                }

                if (options.Endpoint == null && options.TlsEndpoint == null)
                {
                    throw new InvalidOperationException("Neither an RTMP nor an RTMPS endpoint is set.");
                }

                if ((options.TlsEndpoint != null || options.RtspsEndpoint != null) && (options.Certificate == null || !options.Certificate.HasPrivateKey))
                {
                    throw new InvalidOperationException("RTMPS and RTSPS need a certificate with its private key.");
                }

                var access = options.Access == null ? null : new AccessDecider(options.Access);
                var old = Options;
                Volatile.Write(ref _options, options);
                _admission.Replace(options.Admission);
                Hub.MaxGopBytes = options.MaxGopCacheBytes;
                Volatile.Write(ref _access, access);

                // Events already queued still go to the old hooks, which drain in the background.
                var oldHooks = Interlocked.Exchange(ref _hooks, CreateHooks(options));
                if (oldHooks != null)
                {
                    _ = oldHooks.StopAsync();
                }

                var revoked = 0;
                foreach (var connection in _live.Values)
                {
                    if (connection.Recheck(access))
                    {
                        revoked++;
                    }
                }

                SocketException? bindFailure = null;
                var plain = false;
                var tls = false;
                if (!Equals(old.Endpoint, options.Endpoint))
                {
                    plain = Restart(ref _listener, ref _acceptLoop, options.Endpoint, PlainTransport, ref bindFailure);
                }

                if (!Equals(old.TlsEndpoint, options.TlsEndpoint) || !SameCertificate(old.Certificate, options.Certificate))
                {
                    var certificate = options.Certificate;
                    tls = Restart(ref _tlsListener, ref _tlsAcceptLoop, options.TlsEndpoint, socket => TlsTransportFor(socket, certificate!), ref bindFailure);
                }

                if (!Equals(old.RtspEndpoint, options.RtspEndpoint))
                {
                    Restart(ref _rtspListener, ref _rtspAcceptLoop, options.RtspEndpoint, PlainTransport, ref bindFailure, rtsp: true);
                }

                if (!Equals(old.RtspsEndpoint, options.RtspsEndpoint) || !SameCertificate(old.Certificate, options.Certificate))
                {
                    var certificate = options.Certificate;
                    Restart(ref _rtspsListener, ref _rtspsAcceptLoop, options.RtspsEndpoint, socket => TlsTransportFor(socket, certificate!), ref bindFailure, rtsp: true);
                }

                _ = ApplyPathSources(options.PathSources);
                if (bindFailure != null)
                {
                    throw bindFailure;
                }

                return new Reconfiguration(plain, tls, revoked);
            }
        }

        private static bool SameCertificate(X509Certificate2? a, X509Certificate2? b)
            => ReferenceEquals(a, b) || (a != null && b != null && a.Thumbprint == b.Thumbprint);

        private static IConnectionTransport PlainTransport(Socket socket)
        {
            // Writers send from the thread that queues and must never block it.
            socket.Blocking = false;
            return new SocketTransport(socket);
        }

        private IConnectionTransport TlsTransportFor(Socket socket, X509Certificate2 certificate)
            => new TlsTransport(socket, certificate, Options.TlsHandshakeTimeout);

        // The new socket is bound before the old one closes, so a failed bind leaves the old
        // listener serving; when the old one holds the port (an address change on the same port),
        // it is closed first and reopened if the new bind still fails.
        private bool Restart(ref Socket? listener, ref Task? loop, IPEndPoint? endpoint, Func<Socket, IConnectionTransport> transport, ref SocketException? failure, bool rtsp = false)
        {
            var old = listener;
            if (endpoint == null)
            {
                Volatile.Write(ref listener, null);
                if (old != null)
                {
                    // Read before the close: a closed socket has no local endpoint ("on null").
                    var stopped = SafeEndPoint(old);
                    old.Dispose();
                    Log.Information("Stopped listening on {Endpoint}", stopped);
                }

                return old != null;
            }

            Socket replacement;
            try
            {
                replacement = Listen(endpoint);
            }
            catch (SocketException) when (old != null)
            {
                var previous = SafeEndPoint(old);
                old.Dispose();
                try
                {
                    replacement = Listen(endpoint);
                }
                catch (SocketException e)
                {
                    failure = e;
                    if (previous is IPEndPoint back)
                    {
                        replacement = Listen(back);
                        Volatile.Write(ref listener, replacement);
                        loop = AcceptLoopAsync(replacement, transport, rtsp);
                    }
                    else
                    {
                        Volatile.Write(ref listener, null);
                    }

                    Log.Error("Cannot listen on {Endpoint}: {Error}", endpoint, e.Message);
                    return false;
                }
            }
            catch (SocketException e)
            {
                failure = e;
                Log.Error("Cannot listen on {Endpoint}: {Error}", endpoint, e.Message);
                return false;
            }

            Volatile.Write(ref listener, replacement);
            old?.Dispose();
            loop = AcceptLoopAsync(replacement, transport, rtsp);
            Log.Information("Listening on {Endpoint}{Was}", replacement.LocalEndPoint, old == null ? string.Empty : " (restarted)");
            return true;
        }

        private static EndPoint? SafeEndPoint(Socket socket)
        {
            try
            {
                return socket.LocalEndPoint;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }
}
