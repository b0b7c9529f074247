using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>An address or a CIDR range ("10.0.0.0/8", "fd00::/8", "192.168.1.20").</summary>
    internal sealed class AddressRange
    {
        private readonly byte[] _network;
        private readonly int _prefix;

        private AddressRange(byte[] network, int prefix)
        {
            _network = network;
            _prefix = prefix;
        }

        /// <exception cref="FormatException">Not an address or range.</exception>
        public static AddressRange Parse(string text)
        {
            var slash = text.IndexOf('/');
            var addressText = slash < 0 ? text.Trim() : text.Substring(0, slash).Trim();
            if (!IPAddress.TryParse(addressText, out var address))
            {
                throw new FormatException($"'{text}' is not an IP address or CIDR range.");
            }

            var bytes = Normalise(address).GetAddressBytes();
            var prefix = bytes.Length * 8;
            if (slash >= 0)
            {
                if (!int.TryParse(text.Substring(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bytes.Length * 8)
                {
                    throw new FormatException($"'{text}' has no valid prefix length.");
                }
            }

            return new AddressRange(bytes, prefix);
        }

        public bool Contains(IPAddress address)
        {
            var bytes = Normalise(address).GetAddressBytes();
            if (bytes.Length != _network.Length)
            {
                return false;
            }

            for (var bit = 0; bit < _prefix; bit += 8)
            {
                var bits = Math.Min(8, _prefix - bit);
                var mask = (byte)(0xFF << (8 - bits));
                if ((bytes[bit / 8] & mask) != (_network[bit / 8] & mask))
                {
                    return false;
                }
            }

            return true;
        }

        // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; rules are written as a.b.c.d.
        private static IPAddress Normalise(IPAddress address)
            => address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
