using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.IO;
using System.Text.Json;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Engine.Status.Http
{
    /// <summary>
    /// The read-only part of `rtmpx serve`'s status API, free of IO, for the hosts that cannot run
    /// ASP.NET Core (the XProtect driver and plugin on .NET Framework): the same paths and the same
    /// JSON, so <see cref="Management.StatusApiClient"/> and the cmdlets read them alike. Each
    /// source left null is a path the host does not serve (404).
    /// </summary>
    internal sealed class StatusApiRoutes
    {
        private const int MaxLogLines = 1000;

        // camelCase, enums by name, as StatusApiClient reads.
        private static readonly JsonSerializerOptions Json = EngineJson.Resolving(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

        /// <summary>GET /api/status: streams, sessions and counters (what Get-RtmpIngest -Api reads).</summary>
        public Func<ServerStatus>? Server { get; set; }

        /// <summary>GET /api/relays.</summary>
        public Func<IReadOnlyList<StreamerStatus>>? Relays { get; set; }

        /// <summary>GET /api/relays/NAME/logs: the stream's lines after a sequence, at most a count; null for no such stream.</summary>
        public Func<string, long, int, IReadOnlyList<LogLine>?>? RelayLog { get; set; }

        /// <summary>The answer to <paramref name="method"/> <paramref name="path"/>.</summary>
        public StatusApiAnswer Answer(string method, string path, NameValueCollection query)
        {
            if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
            {
                return Error(405, "This status API only reads: use GET.");
            }

            var parts = path.Trim('/').Split('/');
            if (parts.Length < 2 || parts[0] != "api")
            {
                return NotFound();
            }

            switch (parts[1])
            {
                case "status" when parts.Length == 2 && Server != null:
                    return Ok(Server());
                case "relays" when Relays != null:
                    return RelayAnswer(parts, query);
                default:
                    return NotFound();
            }
        }

        private StatusApiAnswer RelayAnswer(string[] parts, NameValueCollection query)
        {
            var relays = Relays!();
            if (parts.Length == 2)
            {
                return Ok(new List<StreamerStatus>(relays));
            }

            var name = Uri.UnescapeDataString(parts[2]);
            if (parts.Length == 3)
            {
                foreach (var relay in relays)
                {
                    if (relay.Name == name)
                    {
                        return Ok(relay);
                    }
                }

                return Error(404, "No such stream.");
            }

            if (parts.Length == 4 && parts[3] == "logs" && RelayLog != null)
            {
                if (!Number(query["tail"], 40, out var tail) || !Number(query["after"], 0, out var after))
                {
                    return Error(400, "tail and after are whole numbers.");
                }

                var lines = RelayLog(name, Math.Max(0, after), (int)Math.Min(Math.Max(tail, 0), MaxLogLines));
                return lines == null ? Error(404, "No such stream.") : Ok(new List<LogLine>(lines));
            }

            return NotFound();
        }

        private static bool Number(string? text, long fallback, out long value)
        {
            if (string.IsNullOrEmpty(text))
            {
                value = fallback;
                return true;
            }

            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        }

        private static StatusApiAnswer Ok<T>(T value) => new StatusApiAnswer(200, JsonSerializer.SerializeToUtf8Bytes(value, EngineJson.TypeInfo<T>(Json)));

        private static StatusApiAnswer NotFound() => Error(404, "No such resource.");

        /// <summary>{"error": "…"}, the shape serve's ApiError writes.</summary>
        internal static StatusApiAnswer Error(int status, string error)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("error", error);
                writer.WriteEndObject();
            }

            return new StatusApiAnswer(status, buffer.ToArray());
        }
    }
}
