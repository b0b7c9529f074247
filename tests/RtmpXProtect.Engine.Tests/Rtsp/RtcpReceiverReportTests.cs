using System;
using System.Buffers.Binary;
using System.Linq;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Rtp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtcpReceiverReportTests
{
    [Theory]
    [InlineData("rtmpx@10.0.0.1")]
    [InlineData("ab")]
    [InlineData("")]
    public void A_report_is_an_empty_receiver_report_then_an_sdes_cname_each_a_whole_number_of_words(string cname)
    {
        var packet = RtcpReceiverReport.Create(0xCAFEBABE, cname);

        Assert.Equal(0, packet.Length % 4);
        Assert.Equal(new byte[] { 0x80, 201, 0, 1, 0xCA, 0xFE, 0xBA, 0xBE }, packet.Take(8));
        Assert.Equal(0x81, packet[8]);
        Assert.Equal(202, packet[9]);
        Assert.Equal((packet.Length - 8) / 4 - 1, BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(10)));
        Assert.Equal(0xCAFEBABE, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(12)));
        Assert.Equal(1, packet[16]);
        Assert.Equal(cname, Encoding.ASCII.GetString(packet, 18, packet[17]));
        Assert.Equal(0, packet[18 + packet[17]]); // the item list ends with a zero byte
    }
}
