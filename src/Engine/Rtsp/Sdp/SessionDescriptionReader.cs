using System;
using System.Collections.Generic;
using System.Globalization;

namespace RtmpXProtect.Engine.Rtsp.Sdp
{
    /// <summary>
    /// Reads what a publisher's SDP (RFC 4566) says about its media: the m= sections with their
    /// rtpmap, fmtp and control attributes. Lines it does not use are skipped; the number of
    /// sections and of fmtp parameters is bounded, and anything malformed is refused.
    /// </summary>
    public static class SessionDescriptionReader
    {
        private const int MaxMedia = 8;
        private const int MaxParameters = 32;

        /// <summary>The media sections of <paramref name="sdp"/>.</summary>
        /// <exception cref="FormatException">The text is not an SDP document this server can read.</exception>
        public static IReadOnlyList<SdpMedia> Read(string sdp)
        {
            if (sdp == null || !sdp.StartsWith("v=0", StringComparison.Ordinal))
            {
                throw new FormatException("An SDP document starts with v=0.");
            }

            var media = new List<SdpMedia>();
            SdpMedia? current = null;
            foreach (var raw in sdp.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line.Length < 2 || line[1] != '=')
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    throw new FormatException("An SDP line is TYPE=VALUE.");
                }

                var value = line.Substring(2);
                if (line[0] == 'm')
                {
                    if (media.Count == MaxMedia)
                    {
                        throw new FormatException($"An SDP document here has at most {MaxMedia} media sections.");
                    }

                    current = Media(value);
                    media.Add(current);
                }
                else if (line[0] == 'a' && current != null)
                {
                    Attribute(current, value);
                }
            }

            return media;
        }

        private static SdpMedia Media(string value)
        {
            // m=<media> <port> <proto> <fmt> ...
            var parts = value.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var payloadType) || payloadType > 127)
            {
                throw new FormatException("An m= line is MEDIA PORT PROTO PAYLOAD-TYPE.");
            }

            return new SdpMedia(parts[0].ToLowerInvariant(), payloadType);
        }

        private static void Attribute(SdpMedia media, string value)
        {
            var colon = value.IndexOf(':');
            if (colon < 0)
            {
                return;
            }

            var name = value.Substring(0, colon).ToLowerInvariant();
            var rest = value.Substring(colon + 1);
            var space = rest.IndexOf(' ');
            var forType = space > 0 && int.TryParse(rest.Substring(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt == media.PayloadType;
            switch (name)
            {
                case "control":
                    media.Control = rest.Trim();
                    break;
                case "rtpmap" when forType:
                    // <encoding name>/<clock rate>[/<channels>]
                    var encoding = rest.Substring(space + 1).Trim().Split('/');
                    media.Encoding = encoding[0].ToUpperInvariant();
                    media.ClockRate = encoding.Length > 1 && int.TryParse(encoding[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate) ? rate : 0;
                    break;
                case "fmtp" when forType:
                    var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var pair in rest.Substring(space + 1).Split(';'))
                    {
                        var equals = pair.IndexOf('=');
                        if (equals <= 0)
                        {
                            continue;
                        }

                        if (parameters.Count == MaxParameters)
                        {
                            throw new FormatException($"An fmtp line here has at most {MaxParameters} parameters.");
                        }

                        parameters[pair.Substring(0, equals).Trim().ToLowerInvariant()] = pair.Substring(equals + 1).Trim();
                    }

                    media.Format = parameters;
                    break;
            }
        }
    }
}
