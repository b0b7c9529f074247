using System;
using System.Net;
using RtmpXProtect.Engine.Rtmp.Commands;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>One publish or play to decide on, with everything the rules look at.</summary>
    public sealed class AccessRequest
    {
        /// <summary>Creates a request.</summary>
        public AccessRequest(AccessAction action, StreamName app, StreamName stream, IPAddress? remoteAddress, long clientId, DateTimeOffset now)
        {
            Action = action;
            App = app;
            Stream = stream;
            RemoteAddress = remoteAddress;
            ClientId = clientId;
            Now = now;
        }

        /// <summary>Publish or play.</summary>
        public AccessAction Action { get; }

        /// <summary>The application from connect; its query may carry a key (<c>live?key=…</c>).</summary>
        public StreamName App { get; }

        /// <summary>The stream name; its query may carry a key or a signature.</summary>
        public StreamName Stream { get; }

        /// <summary>Where the client connects from, when known.</summary>
        public IPAddress? RemoteAddress { get; }

        /// <summary>The server's id for the connection, for the callback to correlate.</summary>
        public long ClientId { get; }

        /// <summary>The time signed URLs are checked against (passed in: the decider has no clock).</summary>
        public DateTimeOffset Now { get; }

        /// <summary>"app/stream" without slashes at either end and without any query.</summary>
        public string Path
        {
            get
            {
                var app = App.Name.Trim('/');
                var name = Stream.Name.Trim('/');
                return app.Length == 0 ? name : name.Length == 0 ? app : app + "/" + name;
            }
        }

        /// <summary>The path with any query masked: fit for a log line.</summary>
        public override string ToString() => Stream.Query.Length > 0 || App.Query.Length > 0 ? Path + "?****" : Path;
    }
}
