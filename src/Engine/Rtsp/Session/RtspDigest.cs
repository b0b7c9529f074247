using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// HTTP Digest authentication as RTSP clients send it (RFC 2617, MD5; without qop as RFC 2069
    /// and most cameras and VMS drivers do, or with qop=auth): reads an Authorization header and
    /// checks its response against a candidate password, for a nonce this server issued.
    /// </summary>
    public sealed class RtspDigest
    {
        private readonly Dictionary<string, string> _fields;

        private RtspDigest(Dictionary<string, string> fields)
        {
            _fields = fields;
        }

        /// <summary>The user name the client sent.</summary>
        public string UserName => Field("username");

        /// <summary>The request URL the client hashed.</summary>
        public string Uri => Field("uri");

        /// <summary>The nonce the client answers.</summary>
        public string Nonce => Field("nonce");

        /// <summary>The challenge header a 401 answer carries.</summary>
        public static string Challenge(string realm, string nonce) => "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5";

        /// <summary>The Digest credentials of an Authorization header, or null when it holds none (or malformed ones).</summary>
        public static RtspDigest? Parse(string? header)
        {
            var fields = Fields(header);
            if (fields == null)
            {
                return null;
            }

            var digest = new RtspDigest(fields);
            return digest.Field("username").Length == 0 || digest.Field("nonce").Length == 0 || digest.Field("response").Length != 32 ? null : digest;
        }

        // name=value and name="value" pairs after "Digest ", or null when the text is not that (or too long).
        internal static Dictionary<string, string>? Fields(string? header)
        {
            const string Scheme = "Digest ";
            if (header == null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length > 4096)
            {
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var text = header.Substring(Scheme.Length);
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && (text[i] == ' ' || text[i] == ','))
                {
                    i++;
                }

                var equals = text.IndexOf('=', i);
                if (equals < 0)
                {
                    break;
                }

                var name = text.Substring(i, equals - i).Trim();
                i = equals + 1;
                string value;
                if (i < text.Length && text[i] == '"')
                {
                    var close = text.IndexOf('"', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    value = text.Substring(i + 1, close - i - 1);
                    i = close + 1;
                }
                else
                {
                    var comma = text.IndexOf(',', i);
                    var end = comma < 0 ? text.Length : comma;
                    value = text.Substring(i, end - i).Trim();
                    i = end;
                }

                fields[name] = value;
            }

            return fields;
        }

        /// <summary>
        /// Whether the response is the one <paramref name="password"/> gives for <paramref name="method"/>,
        /// in <paramref name="realm"/>. The URI is the one the client hashed (clients differ on which
        /// form of the request URL they use).
        /// </summary>
        public bool Matches(string method, string realm, byte[] password)
        {
            if (!string.Equals(Field("realm"), realm, StringComparison.Ordinal))
            {
                return false;
            }

            var qop = Field("qop");
            var expected = qop.Length == 0
                ? Response(UserName, realm, password, method, Field("uri"), Nonce)
                : Md5Hex(Encoding.ASCII.GetBytes(Md5Hex(Concat(Encoding.UTF8.GetBytes(UserName + ":" + realm + ":"), password)) + ":" + Nonce + ":" + Field("nc") + ":" + Field("cnonce") + ":" + qop + ":" + Md5Hex(Encoding.UTF8.GetBytes(method + ":" + Field("uri")))));
            return Security.ConstantTime.AreEqual(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Field("response").ToLowerInvariant()));
        }

        /// <summary>The response a client sends for a challenge without qop (RFC 2069): MD5(MD5(user:realm:password):nonce:MD5(method:uri)).</summary>
        public static string Response(string user, string realm, byte[] password, string method, string uri, string nonce)
        {
            var ha1 = Md5Hex(Concat(Encoding.UTF8.GetBytes(user + ":" + realm + ":"), password));
            var ha2 = Md5Hex(Encoding.UTF8.GetBytes(method + ":" + uri));
            return Md5Hex(Encoding.ASCII.GetBytes(ha1 + ":" + nonce + ":" + ha2));
        }

        private string Field(string name) => _fields.TryGetValue(name, out var value) ? value : string.Empty;

        private static byte[] Concat(byte[] a, byte[] b)
        {
            var all = new byte[a.Length + b.Length];
            a.CopyTo(all, 0);
            b.CopyTo(all, a.Length);
            return all;
        }

        private static string Md5Hex(byte[] data)
        {
            // MD5 is what RTSP Digest defines (RFC 2617); it protects the key on the wire, nothing is stored with it.
            using (var md5 = MD5.Create())
            {
                return BitConverter.ToString(md5.ComputeHash(data)).Replace("-", string.Empty).ToLowerInvariant();
            }
        }
    }
}
