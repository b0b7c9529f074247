using System;
using System.Linq;
using RtmpXProtect.Engine.Streaming.Running;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Running
{
    public class ReconnectBackoffTests
    {
        [Fact]
        public void Delays_stay_below_a_ceiling_that_doubles_from_one_second_to_the_thirty_second_cap()
        {
            var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(42));
            var ceilings = new[] { 1, 2, 4, 8, 16, 30, 30, 30, 30, 30 };
            foreach (var ceiling in ceilings)
            {
                Assert.Equal(TimeSpan.FromSeconds(ceiling), backoff.Ceiling);
                var delay = backoff.Next();
                Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(ceiling));
            }

            backoff.Reset();
            Assert.Equal(TimeSpan.FromSeconds(1), backoff.Ceiling);
        }

        [Fact]
        public void Full_jitter_spreads_delays_over_the_whole_range()
        {
            var delays = Enumerable.Range(0, 1000).Select(_ =>
            {
                var b = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7 + _));
                for (var i = 0; i < 10; i++)
                {
                    b.Next();
                }

                return b.Next().TotalSeconds;
            }).ToList();

            Assert.All(delays, d => Assert.InRange(d, 0, 30));
            Assert.Contains(delays, d => d < 3);
            Assert.Contains(delays, d => d > 27);
        }

        [Fact]
        public void Thousands_of_failures_do_not_overflow_the_ceiling()
        {
            var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(1));
            for (var i = 0; i < 5000; i++)
            {
                Assert.InRange(backoff.Next(), TimeSpan.Zero, TimeSpan.FromSeconds(30));
            }
        }

        [Fact]
        public void An_initial_delay_above_the_cap_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(30), new Random(1)));
        }
    }
}
