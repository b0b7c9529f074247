using System;
using System.Globalization;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Messages;

namespace RtmpXProtect.Engine.Rtsp.Session
{
    /// <summary>
    /// The client side of an RTSP session that plays (RFC 2326), without IO: it numbers requests,
    /// carries the session id the server gave, and answers a 401 challenge with Digest (RFC 2617)
    /// or Basic credentials on every later request.
    /// </summary>
    public sealed class RtspClientSession
    {
        private readonly string? _user;
        private readonly byte[]? _password;
        private int _cseq;
        private RtspDigestChallenge? _digest;
        private string _clientNonce = string.Empty;
        private int _nonceCount;
        private bool _basic;

        /// <summary>A session that authenticates as <paramref name="user"/> with <paramref name="password"/> when asked (both null for none).</summary>
        public RtspClientSession(string? user, string? password)
        {
            _user = user;
            _password = password == null ? null : Encoding.UTF8.GetBytes(password);
        }

        /// <summary>The session id, once a SETUP answer gave it.</summary>
        public string? SessionId { get; private set; }

        /// <summary>How long the server keeps the session without a request (60 s unless it said otherwise).</summary>
        public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(60);

        /// <summary>A request with the next CSeq, the session and, once challenged, the credentials.</summary>
        public RtspRequest Request(string method, string uri, RtspHeaders? headers = null)
        {
            var all = new RtspHeaders().Add("CSeq", (++_cseq).ToString(CultureInfo.InvariantCulture)).Add("User-Agent", "rtmpx");
            if (SessionId != null)
            {
                all.Add("Session", SessionId);
            }

            if (_digest != null && _user != null && _password != null)
            {
                all.Add("Authorization", _digest.Authorization(_user, _password, method, uri, _clientNonce, ++_nonceCount));
            }
            else if (_basic && _user != null && _password != null)
            {
                var pair = Encoding.UTF8.GetBytes(_user + ":");
                var bytes = new byte[pair.Length + _password.Length];
                pair.CopyTo(bytes, 0);
                _password.CopyTo(bytes, pair.Length);
                all.Add("Authorization", "Basic " + Convert.ToBase64String(bytes));
            }

            if (headers != null)
            {
                foreach (var header in headers)
                {
                    all.Add(header.Key, header.Value);
                }
            }

            return new RtspRequest(method, uri, all);
        }

        /// <summary>
        /// Takes a 401's challenge: true when the request may be sent again with credentials
        /// (there are credentials, and this challenge is new: the same one twice means they are wrong).
        /// </summary>
        public bool TakeChallenge(RtspResponse response)
        {
            if (response.StatusCode != 401 || _user == null || _password == null)
            {
                return false;
            }

            // The strongest Digest challenge offered (RFC 7616 §3.7: SHA-256 before MD5).
            RtspDigestChallenge? chosen = null;
            foreach (var header in response.Headers)
            {
                if (header.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase)
                    && RtspDigestChallenge.Read(header.Value) is { } digest && (chosen == null || (digest.IsSha256 && !chosen.IsSha256)))
                {
                    chosen = digest;
                }
            }

            if (chosen != null)
            {
                if (chosen.IsSameAs(_digest))
                {
                    return false;
                }

                _digest = chosen;
                _clientNonce = ClientNonce();
                _nonceCount = 0;
                return true;
            }

            foreach (var header in response.Headers)
            {
                if (header.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase) && header.Value.StartsWith("Basic", StringComparison.OrdinalIgnoreCase) && !_basic && _digest == null)
                {
                    _basic = true;
                    return true;
                }
            }

            return false;
        }

        private static string ClientNonce()
        {
            var bytes = new byte[16];
            using (var random = System.Security.Cryptography.RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
        }

        /// <summary>Takes the session id and timeout of a SETUP answer.</summary>
        public void TakeSession(RtspResponse response)
        {
            var value = response.Headers.Get("Session");
            if (value == null)
            {
                return;
            }

            var parts = value.Split(';');
            SessionId = parts[0].Trim();
            foreach (var part in parts)
            {
                var trimmed = part.Trim();
                if (trimmed.StartsWith("timeout=", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(trimmed.Substring(8), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 5 && seconds <= 3600)
                {
                    Timeout = TimeSpan.FromSeconds(seconds);
                }
            }
        }
    }
}
