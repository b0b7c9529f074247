using System;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class AdmissionLimitsTests
    {
        [Fact]
        public void Defaults_are_the_documented_ones()
        {
            var limits = new AdmissionLimits();
            Assert.Equal(1000, limits.MaxConnections);
            Assert.Equal(50, limits.MaxConnectionsPerAddress);
            Assert.Equal(10, limits.NewConnectionsPerSecondPerAddress);
            Assert.Equal(64, limits.MaxUndecidedConnections);
            Assert.Equal(TimeSpan.FromSeconds(10), limits.DecisionTimeout);
            Assert.Equal(TimeSpan.FromSeconds(15), limits.VideoDataTimeout);
            Assert.Equal(TimeSpan.FromSeconds(30), limits.ReceiveIdleTimeout);
            Assert.Equal(64L * 1024 * 1024, limits.MemoryBudgetPerConnection);
        }

        [Theory]
        [InlineData(nameof(AdmissionLimits.MaxConnections), 0)]
        [InlineData(nameof(AdmissionLimits.MaxConnections), 100_001)]
        [InlineData(nameof(AdmissionLimits.MaxConnectionsPerAddress), 0)]
        [InlineData(nameof(AdmissionLimits.MaxConnectionsPerAddress), -5)]
        [InlineData(nameof(AdmissionLimits.NewConnectionsPerSecondPerAddress), 0)]
        [InlineData(nameof(AdmissionLimits.NewConnectionsPerSecondPerAddress), 100_001)]
        [InlineData(nameof(AdmissionLimits.MaxUndecidedConnections), 0)]
        [InlineData(nameof(AdmissionLimits.MaxUndecidedConnections), int.MaxValue)]
        public void Counts_out_of_range_are_refused_with_the_property_and_range(string property, int value)
        {
            var limits = new AdmissionLimits();
            var before = limits.GetType().GetProperty(property)!.GetValue(limits);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Set(limits, property, value));
            Assert.Equal(property, e.ParamName);
            Assert.Contains(property + " must be 1–100000", e.Message);
            Assert.Equal(before, limits.GetType().GetProperty(property)!.GetValue(limits));
        }

        [Theory]
        [InlineData(nameof(AdmissionLimits.MaxConnections), 1)]
        [InlineData(nameof(AdmissionLimits.MaxConnections), 100_000)]
        [InlineData(nameof(AdmissionLimits.MaxConnectionsPerAddress), 3)]
        [InlineData(nameof(AdmissionLimits.NewConnectionsPerSecondPerAddress), 1)]
        [InlineData(nameof(AdmissionLimits.MaxUndecidedConnections), 500)]
        public void Counts_in_range_are_kept(string property, int value)
        {
            var limits = new AdmissionLimits();
            Set(limits, property, value);
            Assert.Equal(value, limits.GetType().GetProperty(property)!.GetValue(limits));
        }

        [Theory]
        [InlineData(nameof(AdmissionLimits.DecisionTimeout), 99)]
        [InlineData(nameof(AdmissionLimits.DecisionTimeout), -1)]
        [InlineData(nameof(AdmissionLimits.VideoDataTimeout), 0)]
        [InlineData(nameof(AdmissionLimits.VideoDataTimeout), 3_600_001)]
        [InlineData(nameof(AdmissionLimits.ReceiveIdleTimeout), 0)]
        [InlineData(nameof(AdmissionLimits.ReceiveIdleTimeout), 7_200_000)]
        public void Timeouts_out_of_range_are_refused_with_the_property_and_range(string property, int milliseconds)
        {
            var limits = new AdmissionLimits();
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Set(limits, property, TimeSpan.FromMilliseconds(milliseconds)));
            Assert.Equal(property, e.ParamName);
            Assert.Contains(property + " must be 100 ms–1 h", e.Message);
        }

        [Theory]
        [InlineData(nameof(AdmissionLimits.DecisionTimeout), 100)]
        [InlineData(nameof(AdmissionLimits.VideoDataTimeout), 3_600_000)]
        [InlineData(nameof(AdmissionLimits.ReceiveIdleTimeout), 2_000)]
        public void Timeouts_in_range_are_kept(string property, int milliseconds)
        {
            var limits = new AdmissionLimits();
            Set(limits, property, TimeSpan.FromMilliseconds(milliseconds));
            Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), limits.GetType().GetProperty(property)!.GetValue(limits));
        }

        [Theory]
        [InlineData(1024L * 1024 - 1)]
        [InlineData(4L * 1024 * 1024 * 1024 + 1)]
        [InlineData(0L)]
        public void A_memory_budget_out_of_range_is_refused(long value)
        {
            var limits = new AdmissionLimits();
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => limits.MemoryBudgetPerConnection = value);
            Assert.Equal(nameof(AdmissionLimits.MemoryBudgetPerConnection), e.ParamName);
            Assert.Equal(64L * 1024 * 1024, limits.MemoryBudgetPerConnection);
        }

        [Theory]
        [InlineData(1024L * 1024)]
        [InlineData(4L * 1024 * 1024 * 1024)]
        public void A_memory_budget_in_range_is_kept(long value)
        {
            var limits = new AdmissionLimits { MemoryBudgetPerConnection = value };
            Assert.Equal(value, limits.MemoryBudgetPerConnection);
        }

        private static void Set(AdmissionLimits limits, string property, object value)
        {
            try
            {
                limits.GetType().GetProperty(property)!.SetValue(limits, value);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException != null)
            {
                throw e.InnerException;
            }
        }
    }
}
