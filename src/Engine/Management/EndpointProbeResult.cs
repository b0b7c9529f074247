using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// What a probe of an RTMP(S) endpoint found, step by step, so an administrator sees where a
    /// path to YouTube or an ingest breaks (name, network, certificate, protocol, application) and
    /// how long each step took. It holds no stream key: the URL is masked and errors name no key.
    /// </summary>
    public sealed class EndpointProbeResult
    {
        /// <summary>The URL probed, stream name and query masked.</summary>
        public string Url { get; set; } = string.Empty;

        /// <summary>True when the server accepted the RTMP connect.</summary>
        public bool Succeeded { get; set; }

        /// <summary>The step that failed: "url", "dns", "tcp", "tls", "handshake" or "connect"; null on success.</summary>
        public string? FailedStep { get; set; }

        /// <summary>Why it failed, in words that name no key; null on success.</summary>
        public string? Error { get; set; }

        /// <summary>The address connected to (or last tried).</summary>
        public string? Address { get; set; }

        /// <summary>The TCP connect time.</summary>
        public TimeSpan? TcpConnect { get; set; }

        /// <summary>The TLS handshake time (rtmps only).</summary>
        public TimeSpan? TlsHandshake { get; set; }

        /// <summary>The negotiated TLS version (rtmps only).</summary>
        public string? TlsProtocol { get; set; }

        /// <summary>The server certificate's subject (rtmps only).</summary>
        public string? CertificateSubject { get; set; }

        /// <summary>The server certificate's expiry (rtmps only): an expiry close ahead is worth seeing before it bites.</summary>
        public DateTimeOffset? CertificateNotAfter { get; set; }

        /// <summary>Why a client that checks certificates would refuse the server's ("None" when it validates).</summary>
        public string? CertificateErrors { get; set; }

        /// <summary>The RTMP handshake time (C0/C1 to S2).</summary>
        public TimeSpan? RtmpHandshake { get; set; }

        /// <summary>The connect call's round trip.</summary>
        public TimeSpan? Connect { get; set; }

        /// <summary>The server's fmsVer, when its connect answer gives one.</summary>
        public string? ServerVersion { get; set; }

        /// <summary>The status code the server answered connect with (NetConnection.Connect.Success, .Rejected, …).</summary>
        public string? ConnectStatusCode { get; set; }

        /// <summary>The server's description of that status.</summary>
        public string? ConnectStatusDescription { get; set; }

        /// <summary>The steps that ran, in order, with their times, for printing.</summary>
        public IReadOnlyList<KeyValuePair<string, TimeSpan>> Steps()
        {
            var steps = new List<KeyValuePair<string, TimeSpan>>();
            Add(steps, "tcp", TcpConnect);
            Add(steps, "tls", TlsHandshake);
            Add(steps, "handshake", RtmpHandshake);
            Add(steps, "connect", Connect);
            return steps;
        }

        private static void Add(List<KeyValuePair<string, TimeSpan>> steps, string name, TimeSpan? time)
        {
            if (time != null)
            {
                steps.Add(new KeyValuePair<string, TimeSpan>(name, time.Value));
            }
        }
    }
}
