using System.IO;
using System.Net;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Server.Access;
using Serilog.Events;

namespace RtmpXProtect.Engine.Hosting
{
    /// <summary>
    /// What `rtmpx serve` was given on its command line; null (or false) where an option was not
    /// given, so the file decides. Applied on top of the file at start and after every reload, so
    /// the command line keeps winning.
    /// </summary>
    public sealed record ServeOverrides
    {
        /// <summary>--listen: the RTMP listener.</summary>
        public IPEndPoint? Listen { get; init; }

        /// <summary>--no-rtmp: no plain RTMP listener.</summary>
        public bool NoRtmp { get; init; }

        /// <summary>--rtmps: the RTMPS listener.</summary>
        public IPEndPoint? Rtmps { get; init; }

        /// <summary>--rtsp: the RTSP listener.</summary>
        public IPEndPoint? Rtsp { get; init; }

        /// <summary>--no-rtsp: no RTSP listener.</summary>
        public bool NoRtsp { get; init; }

        /// <summary>--rtsps: the RTSPS listener (with the RTMPS certificate).</summary>
        public IPEndPoint? Rtsps { get; init; }

        /// <summary>--cert: the RTMPS certificate (PFX or PEM).</summary>
        public FileInfo? Certificate { get; init; }

        /// <summary>--key: the PEM key of a PEM certificate.</summary>
        public FileInfo? Key { get; init; }

        /// <summary>Whether --cert-password-file or --cert-password-env was given (either replaces the file's).</summary>
        public bool PasswordGiven { get; init; }

        /// <summary>--cert-password-file.</summary>
        public FileInfo? PasswordFile { get; init; }

        /// <summary>--cert-password-env.</summary>
        public string? PasswordEnvironment { get; init; }

        /// <summary>--record: the recording folder.</summary>
        public DirectoryInfo? Record { get; init; }

        /// <summary>--record-format.</summary>
        public RtmpXProtect.Engine.Recording.RecordingFormat? RecordFormat { get; init; }

        /// <summary>--log-level.</summary>
        public LogEventLevel? Level { get; init; }

        /// <summary>--publish-key-file: keys added to the file's.</summary>
        public FileInfo? PublishKeyFile { get; init; }

        /// <summary>--access-mode.</summary>
        public AccessMode? Mode { get; init; }

        /// <summary>--secret-file: the signing secret.</summary>
        public FileInfo? SecretFile { get; init; }

        /// <summary>--takeover.</summary>
        public TakeoverPolicy? Takeover { get; init; }

        /// <summary>--log-file.</summary>
        public FileInfo? LogFile { get; init; }

        /// <summary>--metrics: the Prometheus endpoint.</summary>
        public IPEndPoint? Metrics { get; init; }

        /// <summary>--api: the status API endpoint.</summary>
        public IPEndPoint? Api { get; init; }

        /// <summary>--no-api.</summary>
        public bool NoApi { get; init; }

        /// <summary>--api-allow-remote.</summary>
        public bool ApiAllowRemote { get; init; }

        /// <summary>Writes the listener, certificate, record, log, metrics and API options into the file's settings.</summary>
        public void ApplyTo(RtmpxConfig settings)
        {
            var rtmp = settings.Listeners.Rtmp;
            var tls = settings.Listeners.Rtmps;
            if (Listen != null)
            {
                rtmp.Enabled = true;
                rtmp.Listen = Listen.ToString();
            }

            if (NoRtmp)
            {
                rtmp.Enabled = false;
            }

            if (Rtmps != null)
            {
                tls.Enabled = true;
                tls.Listen = Rtmps.ToString();
            }

            var rtsp = settings.Listeners.Rtsp;
            if (Rtsp != null)
            {
                rtsp.Enabled = true;
                rtsp.Listen = Rtsp.ToString();
            }

            if (NoRtsp)
            {
                rtsp.Enabled = false;
            }

            if (Rtsps != null)
            {
                settings.Listeners.Rtsps.Enabled = true;
                settings.Listeners.Rtsps.Listen = Rtsps.ToString();
            }

            if (Certificate != null)
            {
                tls.Certificate.Path = Certificate.FullName;
                tls.Certificate.KeyPath = Key?.FullName;
            }

            if (PasswordGiven)
            {
                tls.Certificate.PasswordFile = PasswordFile?.FullName;
                tls.Certificate.PasswordEnv = PasswordEnvironment;
            }

            if (Record != null)
            {
                settings.Record.Directory = Record.FullName;
            }

            if (RecordFormat != null)
            {
                settings.Record.Format = RecordFormat.Value;
            }

            if (Level != null)
            {
                settings.Logging.Level = Level.Value;
            }

            if (LogFile != null)
            {
                settings.Logging.File = LogFile.FullName;
            }

            if (Metrics != null)
            {
                settings.Metrics.Listen = Metrics.ToString();
            }

            if (Api != null)
            {
                settings.Api.Listen = Api.ToString();
            }

            if (NoApi)
            {
                settings.Api.Listen = null;
            }

            if (ApiAllowRemote)
            {
                settings.Api.AllowRemote = true;
            }
        }
    }
}
