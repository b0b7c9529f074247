using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RtmpXProtect.Engine.Management.Certificates
{
    /// <summary>
    /// The DNS names and IP addresses a certificate is for, read from its subjectAltName extension
    /// (RFC 5280 4.2.1.6: GeneralNames, dNSName [2] IA5String, iPAddress [7] OCTET STRING), which the
    /// netstandard2.0 reference has no reader for. Lengths are checked against what is left, so a
    /// malformed extension reads as no names rather than out of bounds.
    /// </summary>
    public static class SubjectAlternativeNames
    {
        private const string Oid = "2.5.29.17";

        /// <summary>The names and addresses, in the order the certificate lists them.</summary>
        public static (IReadOnlyList<string> DnsNames, IReadOnlyList<string> IpAddresses) Of(X509Certificate2 certificate)
        {
            var extension = certificate.Extensions.Cast<X509Extension>().FirstOrDefault(e => e.Oid?.Value == Oid);
            return extension == null ? (Array.Empty<string>(), Array.Empty<string>()) : Parse(extension.RawData);
        }

        /// <summary>The names and addresses in a DER GeneralNames sequence; empty when it is malformed.</summary>
        public static (IReadOnlyList<string> DnsNames, IReadOnlyList<string> IpAddresses) Parse(byte[] der)
        {
            var dns = new List<string>();
            var ips = new List<string>();
            var position = 0;
            if (!TryRead(der, ref position, der.Length, out var tag, out var start, out var length) || tag != 0x30)
            {
                return (dns, ips);
            }

            var end = start + length;
            position = start;
            while (position < end)
            {
                if (!TryRead(der, ref position, end, out tag, out start, out length))
                {
                    return (Array.Empty<string>(), Array.Empty<string>());
                }

                if (tag == 0x82)
                {
                    dns.Add(Encoding.ASCII.GetString(der, start, length));
                }
                else if (tag == 0x87 && (length == 4 || length == 16))
                {
                    var bytes = new byte[length];
                    Array.Copy(der, start, bytes, 0, length);
                    ips.Add(new IPAddress(bytes).ToString());
                }

                position = start + length;
            }

            return (dns, ips);
        }

        // One tag-length-value at position, within limit; short and long length forms up to 3 bytes.
        private static bool TryRead(byte[] der, ref int position, int limit, out byte tag, out int start, out int length)
        {
            tag = 0;
            start = 0;
            length = 0;
            if (position + 2 > limit)
            {
                return false;
            }

            tag = der[position];
            int first = der[position + 1];
            var cursor = position + 2;
            if (first < 0x80)
            {
                length = first;
            }
            else
            {
                var count = first & 0x7F;
                if (count == 0 || count > 3 || cursor + count > limit)
                {
                    return false;
                }

                for (var i = 0; i < count; i++)
                {
                    length = (length << 8) | der[cursor++];
                }
            }

            start = cursor;
            return length >= 0 && start + length <= limit;
        }
    }
}
