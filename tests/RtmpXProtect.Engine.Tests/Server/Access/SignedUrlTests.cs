using System;
using System.Security.Cryptography;
using System.Text;
using RtmpXProtect.Engine.Server.Access;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server.Access
{
    public class SignedUrlTests
    {
        private static readonly DateTimeOffset Now = AccessDeciderTests.Now;
        private static readonly byte[] Secret = AccessDeciderTests.Secret;

        [Fact]
        public void The_signature_is_base64url_of_hmac_sha256_over_path_newline_expiry()
        {
            var expected = new HMACSHA256(Secret).ComputeHash(Encoding.UTF8.GetBytes("live/cam1\n1800000000"));
            var base64Url = Convert.ToBase64String(expected).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Assert.Equal(base64Url, SignedUrl.Sign(Secret, "live/cam1", 1800000000));
            Assert.Equal("exp=1800000000&sig=" + base64Url, SignedUrl.Create(Secret, "/live/cam1/", DateTimeOffset.FromUnixTimeSeconds(1800000000)));
        }

        [Fact]
        public void A_fresh_signature_verifies_until_its_expiry_second_and_not_after()
        {
            var exp = Now.ToUnixTimeSeconds() + 60;
            var sig = SignedUrl.Sign(Secret, "live/cam1", exp);
            Assert.Equal(SignedUrlCheck.Valid, SignedUrl.Verify(Secret, "live/cam1", exp.ToString(), sig, Now));
            Assert.Equal(SignedUrlCheck.Valid, SignedUrl.Verify(Secret, "live/cam1", exp.ToString(), sig, Now.AddSeconds(60)));
            Assert.Equal(SignedUrlCheck.Expired, SignedUrl.Verify(Secret, "live/cam1", exp.ToString(), sig, Now.AddSeconds(61)));
        }

        [Fact]
        public void Changing_path_expiry_or_secret_breaks_the_signature()
        {
            var exp = Now.ToUnixTimeSeconds() + 60;
            var sig = SignedUrl.Sign(Secret, "live/cam1", exp);
            Assert.Equal(SignedUrlCheck.BadSignature, SignedUrl.Verify(Secret, "live/cam2", exp.ToString(), sig, Now));
            Assert.Equal(SignedUrlCheck.BadSignature, SignedUrl.Verify(Secret, "live/cam1", (exp + 1).ToString(), sig, Now));
            Assert.Equal(SignedUrlCheck.BadSignature, SignedUrl.Verify(Encoding.UTF8.GetBytes("x"), "live/cam1", exp.ToString(), sig, Now));
            var flipped = (sig[0] == 'A' ? "B" : "A") + sig.Substring(1);
            Assert.Equal(SignedUrlCheck.BadSignature, SignedUrl.Verify(Secret, "live/cam1", exp.ToString(), flipped, Now));
        }

        [Theory]
        [InlineData(null, "abc", SignedUrlCheck.Missing)]
        [InlineData("123", null, SignedUrlCheck.Missing)]
        [InlineData("", "", SignedUrlCheck.Missing)]
        [InlineData("-5", "0123456789012345678901234567890123456789012", SignedUrlCheck.Malformed)]
        [InlineData("12x", "0123456789012345678901234567890123456789012", SignedUrlCheck.Malformed)]
        [InlineData("99999999999999999999999", "0123456789012345678901234567890123456789012", SignedUrlCheck.Malformed)]
        [InlineData("1800000000", "short", SignedUrlCheck.Malformed)]
        [InlineData("1800000000", "01234567890123456789012345678901234567890123456789", SignedUrlCheck.Malformed)]
        public void Missing_or_malformed_parameters_are_told_apart_from_a_bad_signature(string? exp, string? sig, SignedUrlCheck expected)
        {
            Assert.Equal(expected, SignedUrl.Verify(Secret, "live/cam1", exp, sig, Now));
        }

        [Fact]
        public void An_empty_secret_cannot_sign()
        {
            Assert.Throws<ArgumentException>(() => SignedUrl.Sign(Array.Empty<byte>(), "live/cam1", 1));
        }
    }
}
