using System;
using System.IO;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.XProtect.Live;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>Turns a stream definition's source text into a frame source, by its form.</summary>
    public static class FrameSources
    {
        /// <summary>The prefix of a path of the in-process ingest server: ingest:live/cam1.</summary>
        public const string IngestPrefix = "ingest:";

        /// <summary>The prefix of a GenericByteData file whose name does not end in .gbd: gbd:/data/cam1.raw.</summary>
        public const string GenericByteDataPrefix = "gbd:";

        /// <summary>The prefix of an XProtect camera, by id or unique name: xprotect:Lobby.</summary>
        public const string XProtectPrefix = "xprotect:";

        /// <summary>Every form accepted, for error messages and help.</summary>
        public const string ExpectedForms = "an rtmp://, rtmps://, rtsp:// or rtsps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE";

        /// <summary>
        /// Creates the source: rtmp:// or rtmps:// URL → <see cref="RtmpPullSource"/>; rtsp:// or
        /// rtsps:// URL → <see cref="RtspPullSource"/>;
        /// ingest:APP/STREAM → <see cref="IngestPathSource"/> on <see cref="FrameSourceContext.Server"/>;
        /// xprotect:CAMERA → <see cref="XProtectLiveSource"/> with <see cref="FrameSourceContext.XProtect"/>;
        /// *.flv, *.mp4, *.m4v, *.mov → <see cref="MediaFileSource"/> (looped); gbd:FILE or *.gbd → <see cref="GenericByteDataSource"/>
        /// paced in real time. Files are opened when read, not here.
        /// </summary>
        /// <exception cref="FrameSourceException">No form matches, or the form lacks what it needs; the message never repeats the source text.</exception>
        public static IFrameSource Create(string source, FrameSourceContext context)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            var text = (source ?? string.Empty).Trim();
            if (text.StartsWith("rtmp://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("rtmps://", StringComparison.OrdinalIgnoreCase))
            {
                return new RtmpPullSource(text, new RtmpClientOptions { AllowUntrustedCertificate = context.AllowUntrustedCertificate, Limits = context.Limits });
            }

            if (text.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase))
            {
                return new RtspPullSource(text, context.AllowUntrustedCertificate, context.RtspTransport);
            }

            if (text.StartsWith(IngestPrefix, StringComparison.OrdinalIgnoreCase))
            {
                if (!TryIngestKey(text, out var key))
                {
                    throw new FrameSourceException("An ingest source has the form ingest:APP/STREAM (for example ingest:live/cam1).");
                }

                if (context.Server == null)
                {
                    throw new FrameSourceException("An ingest:APP/STREAM source needs the in-process ingest server; none runs here.");
                }

                return new IngestPathSource(context.Server.Hub, key);
            }

            if (text.StartsWith(XProtectPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var camera = text.Substring(XProtectPrefix.Length).Trim();
                if (camera.Length == 0)
                {
                    throw new FrameSourceException("An XProtect source has the form xprotect:CAMERA, a camera id or unique name (for example xprotect:Lobby).");
                }

                if (context.XProtect == null)
                {
                    throw new FrameSourceException("An xprotect:CAMERA source needs the xprotect section of rtmpx.json (server, user, password file or variable).");
                }

                return new XProtectLiveSource(camera, context.XProtect);
            }

            if (text.StartsWith(GenericByteDataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return GenericByteDataFile(text.Substring(GenericByteDataPrefix.Length), context);
            }

            if (text.EndsWith(".gbd", StringComparison.OrdinalIgnoreCase))
            {
                return GenericByteDataFile(text, context);
            }

            if (MediaFileSource.IsMediaFile(text))
            {
                return new MediaFileSource(text, loop: true, context.Clock, context.Limits);
            }

            throw new FrameSourceException("The source must be " + ExpectedForms + ".");
        }

        /// <summary>
        /// Whether <paramref name="source"/> has one of the forms <see cref="Create"/> takes, without
        /// opening anything: a configuration is refused at load, not when its stream first runs.
        /// </summary>
        public static bool IsWellFormed(string? source)
        {
            var text = (source ?? string.Empty).Trim();
            if (text.StartsWith("rtmp://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("rtmps://", StringComparison.OrdinalIgnoreCase))
            {
                return Rtmp.RtmpUrl.TryParse(text, out _, out _);
            }

            if (text.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase))
            {
                return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Host.Length > 0;
            }

            if (text.StartsWith(IngestPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return TryIngestKey(text, out _);
            }

            if (text.StartsWith(GenericByteDataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return text.Length > GenericByteDataPrefix.Length;
            }

            if (text.StartsWith(XProtectPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return text.Substring(XProtectPrefix.Length).Trim().Length > 0;
            }

            return text.EndsWith(".gbd", StringComparison.OrdinalIgnoreCase) || MediaFileSource.IsMediaFile(text);
        }

        // ingest:APP/STREAM → APP/STREAM; both parts are needed.
        private static bool TryIngestKey(string text, out string key)
        {
            key = text.Substring(IngestPrefix.Length).Trim('/');
            var slash = key.IndexOf('/');
            return slash > 0 && slash < key.Length - 1;
        }

        private static IFrameSource GenericByteDataFile(string path, FrameSourceContext context)
        {
            if (path.Length == 0)
            {
                throw new FrameSourceException("A GenericByteData source has the form gbd:FILE or FILE.gbd.");
            }

            return new GenericByteDataSource(
                () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024),
                "GenericByteData file " + Path.GetFileName(path),
                context.Clock ?? new SystemPlaybackClock(),
                context.Limits);
        }
    }
}
