using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Logging;
using Serilog;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Logging
{
    public class LogRingTests
    {
        [Fact]
        public void It_keeps_only_the_last_lines_up_to_its_capacity()
        {
            var ring = new LogRing(3);
            var log = new LoggerConfiguration().WriteTo.Sink(ring).CreateLogger();
            for (var i = 1; i <= 5; i++)
            {
                log.Information("line {Number}", i);
            }

            var tail = ring.Tail(10);
            Assert.Equal(new[] { "line 3", "line 4", "line 5" }, tail.Select(l => l.Text.Substring(17)));
            Assert.Equal(new long[] { 3, 4, 5 }, tail.Select(l => l.Sequence));
            Assert.Equal(new[] { "line 5" }, ring.Tail(1).Select(l => l.Text.Substring(17)));
        }

        [Fact]
        public void A_line_carries_time_level_message_and_the_context_it_does_not_name()
        {
            var ring = new LogRing();
            var log = new LoggerConfiguration().WriteTo.Sink(ring).CreateLogger().ForContext("Connection", 7);
            log.Warning(new InvalidOperationException("boom"), "{Remote} fell behind", "10.0.0.1:5000");

            var line = Assert.Single(ring.Tail(5));
            Assert.Equal("WRN", line.Level);
            Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3} WRN 10\.0\.0\.1:5000 fell behind \{Connection=7\} InvalidOperationException: boom$", line.Text);
        }

        [Fact]
        public void A_follower_gets_new_lines_by_event_and_by_cursor()
        {
            var ring = new LogRing(10);
            var log = new LoggerConfiguration().WriteTo.Sink(ring).CreateLogger();
            log.Information("before");
            var cursor = ring.LastSequence;
            var seen = new List<LogLine>();
            ring.LineAdded += seen.Add;

            log.Information("after {N}", 1);
            log.Information("after {N}", 2);

            Assert.Equal(2, seen.Count);
            Assert.Equal(seen.Select(l => l.Sequence), ring.Since(cursor, 100).Select(l => l.Sequence));
            Assert.Empty(ring.Since(ring.LastSequence, 100));
        }

        [Fact]
        public void A_capacity_below_one_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new LogRing(0));
        }
    }
}
