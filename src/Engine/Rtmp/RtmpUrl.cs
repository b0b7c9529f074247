using System;

namespace RtmpXProtect.Engine.Rtmp
{
    /// <summary>
    /// An rtmp:// or rtmps:// URL split the way encoders split it: the first path segment is the
    /// application, the rest is the stream name (with its query, which often holds a key).
    /// </summary>
    public sealed class RtmpUrl
    {
        private RtmpUrl(bool secure, string host, int port, string app, string stream)
        {
            IsSecure = secure;
            Host = host;
            Port = port;
            App = app;
            Stream = stream;
        }

        /// <summary>True for rtmps.</summary>
        public bool IsSecure { get; }

        /// <summary>The host name or address.</summary>
        public string Host { get; }

        /// <summary>The port (1935 for rtmp, 443 for rtmps unless given).</summary>
        public int Port { get; }

        /// <summary>The application, e.g. "live".</summary>
        public string App { get; }

        /// <summary>The stream name with its query; may hold a secret.</summary>
        public string Stream { get; }

        /// <summary>The tcUrl sent in connect: scheme, host, port and application.</summary>
        public string TcUrl => $"{Authority}/{App}";

        // An IPv6 literal needs its brackets back, or the port cannot be told from the address.
        private string Authority => $"{(IsSecure ? "rtmps" : "rtmp")}://{(Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host)}:{Port}";

        /// <summary>Parses a URL.</summary>
        /// <exception cref="FormatException">Not an rtmp(s) URL with an application.</exception>
        public static RtmpUrl Parse(string url)
        {
            if (!TryParse(url, out var parsed, out var error))
            {
                throw new FormatException(error);
            }

            return parsed!;
        }

        /// <summary>Parses a URL; the error never repeats the URL, which may hold a key.</summary>
        public static bool TryParse(string url, out RtmpUrl? parsed, out string error)
        {
            parsed = null;
            error = string.Empty;
            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            var schemeName = scheme > 0 ? url.Substring(0, scheme).ToLowerInvariant() : string.Empty;
            if (schemeName != "rtmp" && schemeName != "rtmps")
            {
                error = "The URL must start with rtmp:// or rtmps://.";
                return false;
            }

            var secure = schemeName == "rtmps";
            var rest = url.Substring(scheme + 3);
            var slash = rest.IndexOf('/');
            var authority = slash < 0 ? rest : rest.Substring(0, slash);
            var path = slash < 0 ? string.Empty : rest.Substring(slash + 1);
            if (authority.IndexOf('@') >= 0)
            {
                // RTMP has no user name or password in its URL; one given there would reach tcUrl and every log.
                error = "The URL has a user name or password before the host; RTMP carries keys in the stream name or its query (?key=).";
                return false;
            }

            var port = secure ? 443 : 1935;
            var host = authority;
            var colon = authority.LastIndexOf(':');
            if (colon > 0 && authority.IndexOf(']') < colon)
            {
                if (!int.TryParse(authority.Substring(colon + 1), out port) || port < 1 || port > 65535)
                {
                    error = "The URL has an invalid port.";
                    return false;
                }

                host = authority.Substring(0, colon);
            }

            host = host.Trim('[', ']');
            if (host.Length == 0)
            {
                error = "The URL has no host.";
                return false;
            }

            var appEnd = path.IndexOf('/');
            var app = appEnd < 0 ? path : path.Substring(0, appEnd);
            var stream = appEnd < 0 ? string.Empty : path.Substring(appEnd + 1);
            if (app.Length == 0)
            {
                error = "The URL has no application (rtmp://host/app/stream).";
                return false;
            }

            parsed = new RtmpUrl(secure, host, port, app, stream);
            return true;
        }

        /// <summary>
        /// The URL with the whole stream name masked (rtmp://host:1935/app/****), for destinations
        /// such as YouTube and Twitch whose stream name is the key.
        /// </summary>
        public string ToStringWithoutStreamName() => $"{Authority}/{Commands.StreamName.Parse(App)}/****";

        /// <summary>The URL with the stream's query masked, fit for logs.</summary>
        /// <remarks>Some services carry the key on the application (live?key=...), so that query is masked too.</remarks>
        public override string ToString() => $"{Authority}/{Commands.StreamName.Parse(App)}/{Commands.StreamName.Parse(Stream)}";
    }
}
