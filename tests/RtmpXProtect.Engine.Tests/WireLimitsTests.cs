using System;
using RtmpXProtect.Engine;
using Xunit;

namespace RtmpXProtect.Engine.Tests
{
    public class WireLimitsTests
    {
        [Fact]
        public void Defaults_are_within_what_the_rtmp_length_field_allows()
        {
            var limits = new WireLimits();
            Assert.Equal(8 * 1024 * 1024, limits.MaxMessageSize);
            Assert.True(limits.MaxMessageSize <= 0xFFFFFF);
            Assert.Equal(64, limits.MaxChunkStreams);
        }

        [Fact]
        public void Setting_a_value_out_of_range_names_the_limit()
        {
            var limits = new WireLimits();
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => limits.MaxMessageSize = 0);
            Assert.Contains("MaxMessageSize", error.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => limits.MaxAmfDepth = 100000);
        }

        [Fact]
        public void Valid_values_are_kept()
        {
            var limits = new WireLimits { MaxMessageSize = 1 << 20, MaxAmfDepth = 8 };
            Assert.Equal(1 << 20, limits.MaxMessageSize);
            Assert.Equal(8, limits.MaxAmfDepth);
        }
    }
}
