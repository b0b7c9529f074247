using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RtmpXProtect.Engine.Security;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>
    /// Expiring signed URLs: <c>?exp=UNIX&amp;sig=SIG</c>, where UNIX is the expiry in seconds since
    /// 1970-01-01 UTC (decimal, no sign) and SIG is base64url without padding of
    /// HMAC-SHA256(secret, UTF-8 of "PATH\nUNIX"); PATH is "app/stream" with no slash at either end
    /// and no query ("live/cam1"). Issued by <c>rtmpx token new</c>; public for the PowerShell module.
    /// </summary>
    public static class SignedUrl
    {
        // A SHA-256 MAC is 32 bytes: 43 base64url characters. Anything longer is not looked at.
        private const int SignatureLength = 43;

        // 20 digits hold any long; longer is not a time.
        private const int MaxExpiryDigits = 19;

        /// <summary>The query (without '?') that lets the holder use <paramref name="path"/> until <paramref name="expires"/>.</summary>
        public static string Create(byte[] secret, string path, DateTimeOffset expires)
        {
            var exp = expires.ToUnixTimeSeconds();
            return "exp=" + exp.ToString(CultureInfo.InvariantCulture) + "&sig=" + Sign(secret, path, exp);
        }

        /// <summary>The signature of a path and expiry (the exact string is in the class summary).</summary>
        public static string Sign(byte[] secret, string path, long expires)
        {
            if (secret == null || secret.Length == 0)
            {
                throw new ArgumentException("The signing secret is empty.", nameof(secret));
            }

            using var hmac = new HMACSHA256(secret);
            var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(path.Trim('/') + "\n" + expires.ToString(CultureInfo.InvariantCulture)));
            return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        /// <summary>Checks the exp and sig parameters of a request for <paramref name="path"/> at <paramref name="now"/>.</summary>
        public static SignedUrlCheck Verify(byte[] secret, string path, string? exp, string? sig, DateTimeOffset now)
        {
            if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig))
            {
                return SignedUrlCheck.Missing;
            }

            if (exp!.Length > MaxExpiryDigits || sig!.Length != SignatureLength || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            {
                return SignedUrlCheck.Malformed;
            }

            var expected = Encoding.ASCII.GetBytes(Sign(secret, path, expires));
            if (!ConstantTime.AreEqual(Encoding.ASCII.GetBytes(sig), expected))
            {
                return SignedUrlCheck.BadSignature;
            }

            return now.ToUnixTimeSeconds() > expires ? SignedUrlCheck.Expired : SignedUrlCheck.Valid;
        }
    }
}
