using System.IO;
using System.Net;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Server.Access;
using Serilog.Events;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>
    /// What `rtmpx serve` was given on its command line; null (or false) where an option was not
    /// given, so the file decides. Applied on top of the file at start and after every reload, so
    /// the command line keeps winning.
    /// </summary>
    internal sealed record ServeOverrides
    {
        public IPEndPoint? Listen { get; init; }

        public bool NoRtmp { get; init; }

        public IPEndPoint? Rtmps { get; init; }

        public FileInfo? Certificate { get; init; }

        public FileInfo? Key { get; init; }

        public bool PasswordGiven { get; init; }

        public FileInfo? PasswordFile { get; init; }

        public string? PasswordEnvironment { get; init; }

        public DirectoryInfo? Record { get; init; }

        public LogEventLevel? Level { get; init; }

        public FileInfo? PublishKeyFile { get; init; }

        public AccessMode? Mode { get; init; }

        public FileInfo? SecretFile { get; init; }

        public TakeoverPolicy? Takeover { get; init; }

        public FileInfo? LogFile { get; init; }

        public IPEndPoint? Metrics { get; init; }

        public IPEndPoint? Api { get; init; }

        public bool NoApi { get; init; }

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
