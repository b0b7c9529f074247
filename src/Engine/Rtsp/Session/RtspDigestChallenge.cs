using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// A Digest challenge a server sent (a WWW-Authenticate value) and the Authorization a client
    /// answers it with: RFC 2069 without qop, as most cameras ask, or RFC 2617 / RFC 7616 with
    /// qop=auth, a client nonce and a nonce count; algorithms MD5, SHA-256 and their -sess forms.
    /// </summary>
    public sealed class RtspDigestChallenge
    {
        private RtspDigestChallenge(string realm, string nonce, string? opaque, bool qopAuth, string algorithm, bool algorithmNamed)
        {
            Realm = realm;
            Nonce = nonce;
            Opaque = opaque;
            QopAuth = qopAuth;
            Algorithm = algorithm;
            AlgorithmNamed = algorithmNamed;
        }

        /// <summary>The realm the password belongs to.</summary>
        public string Realm { get; }

        /// <summary>The server's nonce.</summary>
        public string Nonce { get; }

        /// <summary>The opaque value to send back unchanged, when the server gave one.</summary>
        public string? Opaque { get; }

        /// <summary>Whether the server asks for qop=auth (a client nonce and a nonce count in the hash).</summary>
        public bool QopAuth { get; }

        /// <summary>MD5, MD5-sess, SHA-256 or SHA-256-sess.</summary>
        public string Algorithm { get; }

        /// <summary>Whether SHA-256 hashes the response (RFC 7616), the stronger of the two a client should prefer.</summary>
        public bool IsSha256 => Algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase);

        // An algorithm the server did not name is not named back either: some cameras reject what they did not send.
        private bool AlgorithmNamed { get; }

        /// <summary>
        /// The challenge in <paramref name="header"/>, or null when it is no Digest challenge or one
        /// this client cannot answer (another algorithm, or a qop without auth).
        /// </summary>
        public static RtspDigestChallenge? Read(string? header)
        {
            var fields = RtspDigest.Fields(header);
            if (fields == null || !fields.TryGetValue("nonce", out var nonce) || nonce.Length == 0)
            {
                return null;
            }

            bool named = fields.TryGetValue("algorithm", out var algorithm);
            algorithm = named ? algorithm.Trim() : "MD5";
            if (!Array.Exists(new[] { "MD5", "MD5-sess", "SHA-256", "SHA-256-sess" }, a => a.Equals(algorithm, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            bool qopAuth = false;
            if (fields.TryGetValue("qop", out var qop))
            {
                qopAuth = Array.Exists(qop.Split(','), q => q.Trim().Equals("auth", StringComparison.OrdinalIgnoreCase));
                if (!qopAuth)
                {
                    return null;
                }
            }

            return new RtspDigestChallenge(fields.TryGetValue("realm", out var realm) ? realm : string.Empty, nonce, fields.TryGetValue("opaque", out var opaque) ? opaque : null, qopAuth, algorithm, named);
        }

        /// <summary>
        /// The Authorization value for <paramref name="method"/> on <paramref name="uri"/>;
        /// <paramref name="clientNonce"/> and <paramref name="count"/> (the requests sent with this
        /// nonce, from 1) are used only when the server asked for qop=auth or a -sess algorithm.
        /// </summary>
        public string Authorization(string user, byte[] password, string method, string uri, string clientNonce, int count)
        {
            var ha1 = Hash(Concat(Encoding.UTF8.GetBytes(user + ":" + Realm + ":"), password));
            if (Algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase))
            {
                ha1 = Hash(Encoding.ASCII.GetBytes(ha1 + ":" + Nonce + ":" + clientNonce));
            }

            var ha2 = Hash(Encoding.UTF8.GetBytes(method + ":" + uri));
            var nc = count.ToString("x8", CultureInfo.InvariantCulture);
            var response = QopAuth
                ? Hash(Encoding.ASCII.GetBytes(ha1 + ":" + Nonce + ":" + nc + ":" + clientNonce + ":auth:" + ha2))
                : Hash(Encoding.ASCII.GetBytes(ha1 + ":" + Nonce + ":" + ha2));
            var text = new StringBuilder()
                .Append("Digest username=\"").Append(user).Append("\", realm=\"").Append(Realm)
                .Append("\", nonce=\"").Append(Nonce).Append("\", uri=\"").Append(uri)
                .Append("\", response=\"").Append(response).Append('"');
            if (AlgorithmNamed)
            {
                text.Append(", algorithm=").Append(Algorithm);
            }

            if (QopAuth || Algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase))
            {
                text.Append(", cnonce=\"").Append(clientNonce).Append('"');
            }

            if (QopAuth)
            {
                text.Append(", qop=auth, nc=").Append(nc);
            }

            if (Opaque != null)
            {
                text.Append(", opaque=\"").Append(Opaque).Append('"');
            }

            return text.ToString();
        }

        /// <summary>Whether <paramref name="other"/> is this challenge again (the same realm and nonce): credentials already refused.</summary>
        public bool IsSameAs(RtspDigestChallenge? other) => other != null && other.Realm == Realm && other.Nonce == Nonce;

        private string Hash(byte[] data)
        {
            // MD5 and SHA-256 are what Digest defines (RFC 2617, RFC 7616); they protect the password on the wire, nothing is stored with them.
            using (HashAlgorithm hash = IsSha256 ? SHA256.Create() : MD5.Create())
            {
                return BitConverter.ToString(hash.ComputeHash(data)).Replace("-", string.Empty).ToLowerInvariant();
            }
        }

        private static byte[] Concat(byte[] a, byte[] b)
        {
            var all = new byte[a.Length + b.Length];
            a.CopyTo(all, 0);
            b.CopyTo(all, a.Length);
            return all;
        }
    }
}
