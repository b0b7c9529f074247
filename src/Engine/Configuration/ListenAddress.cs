using System.Globalization;
using System.Net;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>ADDRESS:PORT as written in the file; netstandard2.0 has no IPEndPoint.TryParse.</summary>
    internal static class ListenAddress
    {
        public static IPEndPoint? Parse(string? text)
        {
            if (text == null)
            {
                return null;
            }

            var colon = text.LastIndexOf(':');
            if (colon <= 0)
            {
                return null;
            }

            var host = text.Substring(0, colon);
            if (host.StartsWith("[", System.StringComparison.Ordinal) && host.EndsWith("]", System.StringComparison.Ordinal))
            {
                host = host.Substring(1, host.Length - 2);
            }
            else if (host.IndexOf(':') >= 0)
            {
                // An IPv6 address needs brackets, or its last group would read as the port.
                return null;
            }

            if (!IPAddress.TryParse(host, out var address)
                || !int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                || port > IPEndPoint.MaxPort)
            {
                return null;
            }

            return new IPEndPoint(address, port);
        }
    }
}
