using System;
using System.Globalization;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// One transport-spec of a Transport header (RFC 2326 §12.39): RTP/AVP over UDP with the
    /// client's port pair, or RTP/AVP/TCP interleaved on the RTSP connection with a channel pair.
    /// Multicast and other profiles are not served here.
    /// </summary>
    public sealed class RtspTransport
    {
        private RtspTransport(bool isTcp, int firstChannel, int firstClientPort, bool record, int serverPort = -1, int serverControlPort = -1)
        {
            IsTcp = isTcp;
            Channel = firstChannel;
            ClientPort = firstClientPort;
            IsRecord = record;
            ServerPort = serverPort;
            ServerControlPort = serverControlPort;
        }

        /// <summary>Interleaved on the RTSP connection rather than UDP.</summary>
        public bool IsTcp { get; }

        /// <summary>The RTP channel (RTCP on the next one), -1 when the client left it to the server; TCP only.</summary>
        public int Channel { get; }

        /// <summary>The client's RTP port (RTCP on the next one); UDP only.</summary>
        public int ClientPort { get; }

        /// <summary>mode=record: the client publishes (ANNOUNCE / RECORD).</summary>
        public bool IsRecord { get; }

        /// <summary>The server's RTP port from an answer's server_port, -1 when it names none; UDP only.</summary>
        public int ServerPort { get; }

        /// <summary>
        /// The server's RTCP port: the second of server_port, or the one after <see cref="ServerPort"/>
        /// when it names one port only; -1 without server_port.
        /// </summary>
        public int ServerControlPort { get; }

        /// <summary>
        /// The first transport of the header's list that is served here (RTP/AVP unicast, over
        /// UDP with a client_port or over TCP), or null when none is: the answer is then 461.
        /// </summary>
        public static RtspTransport? ChooseFrom(string? header)
        {
            if (header == null)
            {
                return null;
            }

            foreach (var spec in header.Split(','))
            {
                var chosen = Parse(spec.Trim());
                if (chosen != null)
                {
                    return chosen;
                }
            }

            return null;
        }

        /// <summary>This transport with the channels the server settled on (TCP).</summary>
        public RtspTransport WithChannel(int channel) => new RtspTransport(true, channel, ClientPort, IsRecord, ServerPort, ServerControlPort);

        /// <summary>The Transport header of the answer to SETUP.</summary>
        /// <param name="ssrc">The SSRC the server sends with, or null when the client sends (record).</param>
        /// <param name="serverPort">The server's RTP port for UDP (RTCP on the next one).</param>
        public string Reply(uint? ssrc, int serverPort = 0)
        {
            var text = new StringBuilder(IsTcp ? "RTP/AVP/TCP;unicast;interleaved=" : "RTP/AVP;unicast;client_port=");
            var first = IsTcp ? Channel : ClientPort;
            text.Append(first.ToString(CultureInfo.InvariantCulture)).Append('-').Append((first + 1).ToString(CultureInfo.InvariantCulture));
            if (!IsTcp)
            {
                text.Append(";server_port=").Append(serverPort.ToString(CultureInfo.InvariantCulture)).Append('-').Append((serverPort + 1).ToString(CultureInfo.InvariantCulture));
            }

            if (ssrc is uint value)
            {
                text.Append(";ssrc=").Append(value.ToString("X8", CultureInfo.InvariantCulture));
            }

            if (IsRecord)
            {
                text.Append(";mode=record");
            }

            return text.ToString();
        }

        private static RtspTransport? Parse(string spec)
        {
            var parts = spec.Split(';');
            var protocol = parts[0].Trim().ToUpperInvariant();
            bool tcp;
            if (protocol == "RTP/AVP" || protocol == "RTP/AVP/UDP")
            {
                tcp = false;
            }
            else if (protocol == "RTP/AVP/TCP")
            {
                tcp = true;
            }
            else
            {
                return null;
            }

            int channel = -1, clientPort = -1, serverPort = -1, serverControlPort = -1;
            bool record = false;
            for (int i = 1; i < parts.Length; i++)
            {
                var part = parts[i].Trim();
                var equals = part.IndexOf('=');
                var name = (equals < 0 ? part : part.Substring(0, equals)).Trim().ToLowerInvariant();
                var value = equals < 0 ? string.Empty : part.Substring(equals + 1).Trim().Trim('"');
                switch (name)
                {
                    case "multicast":
                        return null;
                    case "interleaved":
                        if (!TryPair(value, 255, out channel))
                        {
                            return null;
                        }

                        break;
                    case "client_port":
                        if (!TryPair(value, 65535, out clientPort) || clientPort == 0)
                        {
                            return null;
                        }

                        break;
                    case "server_port":
                        // Only read from answers, where a server that names an odd pair is still reachable: its ports are taken as given.
                        if (!TryPorts(value, out serverPort, out serverControlPort))
                        {
                            serverPort = serverControlPort = -1;
                        }

                        break;
                    case "mode":
                        record = value.Equals("record", StringComparison.OrdinalIgnoreCase) || value.Equals("receive", StringComparison.OrdinalIgnoreCase);
                        break;
                }
            }

            if (!tcp && clientPort < 0)
            {
                return null;
            }

            return new RtspTransport(tcp, tcp ? channel : -1, tcp ? -1 : clientPort, record, tcp ? -1 : serverPort, tcp ? -1 : serverControlPort);
        }

        // "a-b" or "a" (b = a + 1 then), both 1–65535.
        private static bool TryPorts(string text, out int first, out int second)
        {
            var dash = text.IndexOf('-');
            second = -1;
            if (!int.TryParse(dash < 0 ? text : text.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out first) || first < 1 || first > 65535)
            {
                return false;
            }

            if (dash < 0)
            {
                second = first < 65535 ? first + 1 : -1;
                return second > 0;
            }

            return int.TryParse(text.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out second) && second >= 1 && second <= 65535;
        }

        // "a-b" with b = a + 1, or "a" alone (the second implied), and a + 1 within the maximum.
        private static bool TryPair(string text, int maximum, out int first)
        {
            var dash = text.IndexOf('-');
            var head = dash < 0 ? text : text.Substring(0, dash);
            if (!int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out first) || first >= maximum)
            {
                first = -1;
                return false;
            }

            if (dash >= 0 && (!int.TryParse(text.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var second) || second != first + 1))
            {
                first = -1;
                return false;
            }

            return true;
        }
    }
}
