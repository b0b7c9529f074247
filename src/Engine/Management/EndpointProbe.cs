using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// Test-RtmpEndpoint and `rtmpx probe`: resolves, connects, negotiates TLS, does the RTMP
    /// handshake and connect against any RTMP(S) URL, timing each step and keeping what the server
    /// said. It never publishes or plays, so probing a live path does not take it over or disturb
    /// its players; it drives the sans-IO protocol core itself so each step can be timed apart.
    /// </summary>
    public static class EndpointProbe
    {
        /// <summary>Probes <paramref name="url"/>; a failure is a result with <see cref="EndpointProbeResult.FailedStep"/>, not an exception.</summary>
        /// <exception cref="ArgumentException">The text is not an rtmp:// or rtmps:// URL (the message quotes no part of it).</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
        public static async Task<EndpointProbeResult> ProbeAsync(string url, EndpointProbeOptions? options = null, CancellationToken cancel = default)
        {
            if (url == null || !RtmpUrl.TryParse(url, out var parsed, out _) || parsed == null)
            {
                throw new ArgumentException("Not an rtmp:// or rtmps:// URL.", nameof(url));
            }

            options ??= new EndpointProbeOptions();
            var result = new EndpointProbeResult { Url = Mask(url, parsed) };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(options.Timeout);
            var step = "dns";
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            Stream? stream = null;
            try
            {
                using (timeout.Token.Register(socket.Dispose))
                {
                    var addresses = await ResolveAsync(parsed.Host).ConfigureAwait(false);
                    step = "tcp";
                    var clock = Stopwatch.StartNew();
                    await ConnectAsync(socket, addresses, parsed.Port, result).ConfigureAwait(false);
                    result.TcpConnect = clock.Elapsed;
                    stream = new NetworkStream(socket, ownsSocket: false);
                    if (parsed.IsSecure)
                    {
                        step = "tls";
                        stream = await NegotiateTlsAsync(stream, parsed.Host, options, result).ConfigureAwait(false);
                    }

                    step = "handshake";
                    clock.Restart();
                    var (leftover, scratch) = await HandshakeAsync(stream, timeout.Token).ConfigureAwait(false);
                    result.RtmpHandshake = clock.Elapsed;
                    step = "connect";
                    clock.Restart();
                    await ConnectRtmpAsync(stream, parsed, leftover, scratch, result, timeout.Token).ConfigureAwait(false);
                    result.Connect = clock.Elapsed;
                    result.Succeeded = result.FailedStep == null;
                }
            }
            catch (Exception e) when (cancel.IsCancellationRequested && (e is OperationCanceledException || e is ObjectDisposedException || e is IOException || e is SocketException))
            {
                throw new OperationCanceledException(cancel);
            }
            catch (Exception e) when (timeout.IsCancellationRequested)
            {
                Fail(result, step, $"no answer within {options.Timeout.TotalSeconds:0.#} s", e);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is AuthenticationException || e is RtmpProtocolException || e is ProbeStepException)
            {
                Fail(result, step, Describe(e), e);
            }
            finally
            {
                stream?.Dispose();
                socket.Dispose();
            }

            return result;
        }

        private static void Fail(EndpointProbeResult result, string step, string error, Exception e)
        {
            _ = e;
            result.Succeeded = false;
            result.FailedStep ??= step;
            result.Error ??= error;
        }

        // Socket and TLS messages name hosts and reasons, never the URL's path or query.
        private static string Describe(Exception e) => e switch
        {
            SocketException socket => $"{socket.SocketErrorCode}: {socket.Message}",
            ProbeStepException step => step.Message,
            AuthenticationException auth => "TLS failed: " + (auth.InnerException?.Message ?? auth.Message),
            RtmpProtocolException protocol => "not an RTMP server: " + protocol.Message,
            _ => e.Message,
        };

        private static async Task<IPAddress[]> ResolveAsync(string host)
        {
            if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            {
                return new[] { literal };
            }

            var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
            if (addresses.Length == 0)
            {
                throw new ProbeStepException($"{host} has no address");
            }

            return addresses;
        }

        private static async Task ConnectAsync(Socket socket, IPAddress[] addresses, int port, EndpointProbeResult result)
        {
            SocketException? last = null;
            foreach (var address in addresses)
            {
                result.Address = new IPEndPoint(address, port).ToString();
                try
                {
                    await socket.ConnectAsync(address, port).ConfigureAwait(false);
                    return;
                }
                catch (SocketException e)
                {
                    last = e;
                }
            }

            throw last ?? new SocketException((int)SocketError.HostUnreachable);
        }

        private static async Task<Stream> NegotiateTlsAsync(Stream stream, string host, EndpointProbeOptions options, EndpointProbeResult result)
        {
            var errors = SslPolicyErrors.None;
            var tls = new SslStream(stream, false, (_, certificate, _, policy) =>
            {
                errors = policy;
                if (certificate != null)
                {
                    using var full = new X509Certificate2(certificate);
                    result.CertificateSubject = full.Subject;
                    result.CertificateNotAfter = new DateTimeOffset(full.NotAfter.ToUniversalTime(), TimeSpan.Zero);
                }

                result.CertificateErrors = policy.ToString();
                return policy == SslPolicyErrors.None || options.AllowUntrustedCertificate;
            });
            var clock = Stopwatch.StartNew();
            try
            {
                await tls.AuthenticateAsClientAsync(host.Trim('[', ']')).ConfigureAwait(false);
            }
            catch (AuthenticationException) when (errors != SslPolicyErrors.None && !options.AllowUntrustedCertificate)
            {
                tls.Dispose();
                throw new ProbeStepException($"certificate not trusted: {errors} (AllowUntrustedCertificate goes on past it)");
            }

            result.TlsHandshake = clock.Elapsed;
            result.TlsProtocol = tls.SslProtocol.ToString();
            return tls;
        }

        private static async Task<(byte[] Leftover, ByteBufferWriter Scratch)> HandshakeAsync(Stream stream, CancellationToken cancel)
        {
            var scratch = new ByteBufferWriter();
            var handshake = new ClientHandshake(0);
            handshake.Start(scratch);
            await FlushAsync(stream, scratch, cancel).ConfigureAwait(false);
            var buffer = new byte[4096];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new ProbeStepException("the server closed the connection during the RTMP handshake");
                }

                handshake.Process(new ReadOnlySpan<byte>(buffer, 0, read), scratch, out var consumed);
                await FlushAsync(stream, scratch, cancel).ConfigureAwait(false);
                if (handshake.IsComplete)
                {
                    var leftover = new byte[read - consumed];
                    Array.Copy(buffer, consumed, leftover, 0, leftover.Length);
                    return (leftover, scratch);
                }
            }
        }

        private static async Task ConnectRtmpAsync(Stream stream, RtmpUrl url, byte[] leftover, ByteBufferWriter scratch, EndpointProbeResult result, CancellationToken cancel)
        {
            var session = new ClientSession(new ClientSessionOptions(url.App, url.TcUrl));
            var events = new List<SessionEvent>();
            session.Connect(scratch);
            if (leftover.Length > 0)
            {
                session.Receive(leftover, scratch, events);
            }

            await FlushAsync(stream, scratch, cancel).ConfigureAwait(false);
            var buffer = new byte[16 * 1024];
            while (true)
            {
                foreach (var e in events)
                {
                    if (e is Connected connected)
                    {
                        result.ConnectStatusCode = connected.Code;
                        result.ConnectStatusDescription = connected.Description;
                        result.ServerVersion = connected.ServerVersion;
                        return;
                    }

                    if (e is StatusReceived status && status.Status.IsError)
                    {
                        result.ConnectStatusCode = status.Status.Code;
                        result.ConnectStatusDescription = status.Status.Description;
                        throw new ProbeStepException($"the server refused connect: {status.Status.Code}");
                    }
                }

                events.Clear();
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new ProbeStepException("the server closed the connection instead of answering connect (a wrong application?)");
                }

                session.Receive(new ReadOnlySpan<byte>(buffer, 0, read), scratch, events);
                await FlushAsync(stream, scratch, cancel).ConfigureAwait(false);
            }
        }

        private static async Task FlushAsync(Stream stream, ByteBufferWriter scratch, CancellationToken cancel)
        {
            if (scratch.WrittenCount > 0)
            {
                var bytes = scratch.ToArray();
                scratch.Clear();
                await stream.WriteAsync(bytes, 0, bytes.Length, cancel).ConfigureAwait(false);
                await stream.FlushAsync(cancel).ConfigureAwait(false);
            }
        }

        private static string Mask(string text, RtmpUrl url)
            => url.Stream.Length > 0
                ? DestinationDefinition.Mask(text)
                : (url.IsSecure ? "rtmps" : "rtmp") + "://" + url.Host + ":" + url.Port + "/" + Rtmp.Commands.StreamName.Parse(url.App);
    }
}
