using System;
using RtmpXProtect.Engine.Rtsp.Rtp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtcpSenderReportTests
{
    [Fact]
    public void A_report_is_28_bytes_of_header_ssrc_ntp_rtp_time_and_counts()
    {
        var report = new byte[RtcpSenderReport.Length];
        var at = new DateTime(1970, 1, 1, 0, 0, 1, 500, DateTimeKind.Utc);

        RtcpSenderReport.Write(report, 0x01020304, at, 0xAABBCCDD, packets: 5, octets: (1L << 32) + 7);

        Assert.Equal(
            new byte[]
            {
                0x80, 200, 0, 6, 1, 2, 3, 4,
                0x83, 0xAA, 0x7E, 0x81, 0x80, 0, 0, 0, // 2208988801 s and a half since 1900
                0xAA, 0xBB, 0xCC, 0xDD, 0, 0, 0, 5, 0, 0, 0, 7,
            },
            report);
    }

    [Fact]
    public void A_buffer_too_small_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RtcpSenderReport.Write(new byte[27], 1, DateTime.UtcNow, 0, 0, 0));
    }
}
