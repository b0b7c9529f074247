using System;
using RtmpXProtect.Engine.Security;
using RtmpXProtect.Engine.Server.Access;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server.Access
{
    public class ConstantTimeTests
    {
        [Theory]
        [InlineData("", "", true)]
        [InlineData("abc", "abc", true)]
        [InlineData("abc", "abd", false)]
        [InlineData("abc", "xbc", false)]
        [InlineData("ab", "abc", false)]
        [InlineData("abc", "ab", false)]
        [InlineData("", "a", false)]
        [InlineData("a", "", false)]
        public void Compares_like_ordinary_equality(string given, string expected, bool equal)
        {
            Assert.Equal(equal, ConstantTime.AreEqual(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected)));
        }

        [Fact]
        public void Agrees_with_sequence_equality_on_random_buffers()
        {
            var random = new Random(17);
            for (var i = 0; i < 5000; i++)
            {
                var a = new byte[random.Next(0, 6)];
                var b = new byte[random.Next(0, 6)];
                random.NextBytes(a);
                random.NextBytes(b);
                if (random.Next(3) == 0)
                {
                    b = (byte[])a.Clone();
                }

                Assert.Equal(a.AsSpan().SequenceEqual(b), ConstantTime.AreEqual(a, b));
            }
        }

        [Fact]
        public void A_prefix_padded_to_look_like_the_secret_does_not_match()
        {
            // The missing bytes count as different, whatever the secret's bytes are.
            Assert.False(ConstantTime.AreEqual(new byte[] { 1 }, new byte[] { 1, 0 }));
            Assert.False(ConstantTime.AreEqual(new byte[] { 1 }, new byte[] { 1, 0xFF }));
        }
    }
}
