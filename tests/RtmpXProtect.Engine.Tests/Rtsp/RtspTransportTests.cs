using RtmpXProtect.Engine.Rtsp.Session;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtspTransportTests
{
    [Theory]
    [InlineData("RTP/AVP/TCP;unicast;interleaved=0-1", true, 0, -1)]
    [InlineData("RTP/AVP/TCP;unicast;interleaved=4", true, 4, -1)]
    [InlineData("RTP/AVP/TCP;unicast", true, -1, -1)]
    [InlineData("RTP/AVP;unicast;client_port=5000-5001", false, -1, 5000)]
    [InlineData("rtp/avp/udp;unicast;client_port=6000", false, -1, 6000)]
    public void A_served_transport_is_read_with_its_channels_or_ports(string header, bool tcp, int channel, int port)
    {
        var transport = RtspTransport.ChooseFrom(header)!;

        Assert.Equal(tcp, transport.IsTcp);
        Assert.Equal(channel, transport.Channel);
        Assert.Equal(port, transport.ClientPort);
        Assert.False(transport.IsRecord);
    }

    [Theory]
    [InlineData("RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971;ssrc=1234ABCD", 6970, 6971)]
    [InlineData("RTP/AVP;unicast;client_port=5000-5001;server_port=7000", 7000, 7001)]
    [InlineData("RTP/AVP;unicast;client_port=5000-5001;server_port=7000-7003", 7000, 7003)]
    [InlineData("RTP/AVP;unicast;client_port=5000-5001", -1, -1)]
    [InlineData("RTP/AVP;unicast;client_port=5000-5001;server_port=0-1", -1, -1)]
    [InlineData("RTP/AVP;unicast;client_port=5000-5001;server_port=x", -1, -1)]
    public void The_server_ports_of_an_answer_to_setup_over_udp_are_read(string header, int rtp, int rtcp)
    {
        var transport = RtspTransport.ChooseFrom(header)!;

        Assert.False(transport.IsTcp);
        Assert.Equal(rtp, transport.ServerPort);
        Assert.Equal(rtcp, transport.ServerControlPort);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RTP/AVP;multicast;client_port=5000-5001")]
    [InlineData("RTP/AVP;unicast")]
    [InlineData("RTP/SAVP;unicast;client_port=5000-5001")]
    [InlineData("RTP/AVP;unicast;client_port=5000-5003")]
    [InlineData("RTP/AVP;unicast;client_port=65535")]
    [InlineData("RTP/AVP;unicast;client_port=0-1")]
    [InlineData("RTP/AVP/TCP;interleaved=255")]
    [InlineData("RTP/AVP/TCP;interleaved=-1")]
    [InlineData("RTP/AVP/TCP;interleaved=99999999999999999999")]
    public void What_is_not_served_here_gives_no_transport(string? header)
    {
        Assert.Null(RtspTransport.ChooseFrom(header));
    }

    [Fact]
    public void The_first_served_alternative_of_a_list_is_chosen()
    {
        var transport = RtspTransport.ChooseFrom("RTP/AVP;multicast, RTP/AVP/TCP;unicast;interleaved=2-3;mode=\"PLAY\"")!;

        Assert.True(transport.IsTcp);
        Assert.Equal(2, transport.Channel);
    }

    [Fact]
    public void The_answer_names_the_channels_or_both_port_pairs_and_the_ssrc()
    {
        Assert.Equal("RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=0000ABCD", RtspTransport.ChooseFrom("RTP/AVP/TCP;unicast")!.WithChannel(0).Reply(0xABCD));
        Assert.Equal(
            "RTP/AVP;unicast;client_port=5000-5001;server_port=7000-7001;ssrc=12345678",
            RtspTransport.ChooseFrom("RTP/AVP;unicast;client_port=5000-5001")!.Reply(0x12345678, 7000));
        Assert.Equal("RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", RtspTransport.ChooseFrom("RTP/AVP/TCP;unicast;interleaved=0-1;mode=record")!.Reply(null));
    }
}
