using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Recording;

namespace RtmpXProtect.PSModule.Ingest
{
    /// <summary>
    /// Start-RtmpIngest: an RTMP(S) server inside this PowerShell process (what `rtmpx serve` runs), from
    /// parameters or an rtmpx.json; it runs until Stop-RtmpIngest or the process ends.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "RtmpIngest", SupportsShouldProcess = true, DefaultParameterSetName = KeySet)]
    [OutputType(typeof(IngestHost))]
    public sealed class StartRtmpIngestCommand : RtmpCmdlet
    {
        private const string KeySet = "PublishKey";
        private const string CredentialSet = "Credential";

        /// <summary>The RTMP port; 0 picks a free one (see the returned Endpoint).</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; } = 1935;

        /// <summary>The address to listen on; all addresses when omitted.</summary>
        [Parameter]
        public IPAddress Address { get; set; } = IPAddress.Any;

        /// <summary>The RTMPS port, with -Certificate or -CertificatePath; 0 picks a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int? TlsPort { get; set; }

        /// <summary>The RTSP port (every path also plays as rtsp://HOST:PORT/APP/STREAM); 0 picks a free one. Without it, RTSP is what -ConfigPath's file says, or off.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int? RtspPort { get; set; }

        /// <summary>The RTMPS server certificate, with its private key (e.g. from Get-PfxCertificate or the certificate store).</summary>
        [Parameter]
        public X509Certificate2? Certificate { get; set; }

        /// <summary>A PFX file holding the RTMPS certificate and key (New-RtmpCertificate writes one).</summary>
        [Parameter]
        public string? CertificatePath { get; set; }

        /// <summary>The password of -CertificatePath.</summary>
        [Parameter]
        public SecureString? CertificatePassword { get; set; }

        /// <summary>The only paths (app/stream) that may be published and played; any path when omitted.</summary>
        [Parameter]
        public string[]? Path { get; set; }

        /// <summary>The key a publisher must give for every -Path (rtmp://host/app/stream?key=...).</summary>
        [Parameter(ParameterSetName = KeySet)]
        public SecureString? PublishKey { get; set; }

        /// <summary>The publish key as a credential's password (the user name is not used).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>How many connections at most.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int MaxConnections { get; set; } = 1000;

        /// <summary>An rtmpx.json to run (ports, paths, keys, streams); the other parameters given override it.</summary>
        [Parameter]
        public string? ConfigPath { get; set; }

        /// <summary>Record every published stream into this folder: a folder per path and a file per hour, in -RecordFormat.</summary>
        [Parameter]
        public string? RecordDirectory { get; set; }

        /// <summary>Fmp4 (fragmented MP4, the default) or Flv; without it the -ConfigPath file's record.format holds.</summary>
        [Parameter]
        public RecordingFormat? RecordFormat { get; set; }

        /// <summary>Starts the server and returns it; it stays in the session's list for Get-/Stop-RtmpIngest.</summary>
        protected override void EndProcessing()
        {
            var options = new IngestHostOptions
            {
                Address = Address,
                Port = Port,
                TlsPort = TlsPort,
                RtspPort = RtspPort,
                MaxConnections = MaxConnections,
                ConfigPath = ConfigPath == null ? null : GetUnresolvedProviderPathFromPSPath(ConfigPath),
                RecordDirectory = RecordDirectory == null ? null : GetUnresolvedProviderPathFromPSPath(RecordDirectory),
                RecordFormat = RecordFormat,
                Paths = new List<string>(Path ?? Array.Empty<string>()),
                PublishKeys = new Dictionary<string, string>(StringComparer.Ordinal),
            };
            options.Certificate = LoadCertificate();
            if (options.Certificate != null && options.TlsPort == null)
            {
                options.TlsPort = 0;
            }

            var key = Credential?.GetNetworkCredential().Password ?? (PublishKey == null ? null : Secrets.Reveal(PublishKey));
            if (key != null)
            {
                if (Path == null || Path.Length == 0)
                {
                    Fail(new PSArgumentException("A publish key protects paths: give them with -Path."), "PathRequired", ErrorCategory.InvalidArgument, null);
                }

                foreach (var path in Path!)
                {
                    options.PublishKeys[path] = key;
                }
            }

            var target = $"{Address}:{Port}";
            if (!ShouldProcess(target, "Start RTMP ingest"))
            {
                return;
            }

            try
            {
                var host = Await(IngestHost.StartAsync(options, null, Cancellation));
                IngestSessions.Add(host);
                WriteObject(host);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException || e is InvalidOperationException || e is ArgumentException || e is System.IO.IOException)
            {
                Fail(e, "IngestNotStarted", ErrorCategory.ResourceUnavailable, target);
            }
        }

        private X509Certificate2? LoadCertificate()
        {
            if (Certificate != null)
            {
                return Certificate;
            }

            if (CertificatePath == null)
            {
                return null;
            }

            var file = GetUnresolvedProviderPathFromPSPath(CertificatePath);
            try
            {
                var password = CertificatePassword == null ? null : Secrets.Reveal(CertificatePassword);
                return new X509Certificate2(file, password, X509KeyStorageFlags.DefaultKeySet);
            }
            catch (CryptographicException e)
            {
                // The message of a wrong password names neither the password nor the file's contents.
                Fail(e, "CertificateNotLoaded", ErrorCategory.InvalidData, file);
                return null;
            }
        }
    }
}
