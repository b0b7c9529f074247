using System;
using System.Collections.Generic;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Rtsp.Session;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtspServerSessionTests
{
    private const string Url = "rtsp://127.0.0.1:8554/live/cam";
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(100);
    private int _cseq;

    private RtspRequest Request(string method, string uri = Url, string? session = null, string? transport = null)
    {
        var headers = new RtspHeaders().Add("CSeq", (++_cseq).ToString());
        if (session != null)
        {
            headers.Add("Session", session);
        }

        if (transport != null)
        {
            headers.Add("Transport", transport);
        }

        return new RtspRequest(method, uri, headers);
    }

    private static RtspServerSession NewSession() => new RtspServerSession("0123456789ABCDEF", TimeSpan.FromSeconds(60), Start);

    private RtspResponse SetupTcp(RtspServerSession session, int track, string? sessionId = null)
    {
        var request = Request("SETUP", Url + "/trackID=" + track, sessionId, "RTP/AVP/TCP;unicast;interleaved=" + (2 * track) + "-" + (2 * track + 1));
        return session.Setup(request, RtspTarget.Parse(request.Uri)!, 2, () => 0, t => (uint)(0x100 + t));
    }

    [Fact]
    public void Options_and_describe_answer_before_any_session_with_the_cseq_and_no_session_header()
    {
        var session = NewSession();
        var options = Request("OPTIONS", "*");
        Assert.Null(session.Check(options, Start));

        var answer = session.Options(options);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("1", answer.Headers.Get("CSeq"));
        Assert.Contains("DESCRIBE", answer.Headers.Get("Public"));
        Assert.Null(answer.Headers.Get("Session"));

        var describe = session.Describe(Request("DESCRIBE"), "v=0\r\n");
        Assert.Equal("application/sdp", describe.Headers.Get("Content-Type"));
        Assert.Equal(Url + "/", describe.Headers.Get("Content-Base"));
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(describe.Body.Span));
    }

    [Fact]
    public void Setup_makes_the_session_and_play_answers_with_the_range_and_each_tracks_first_packet()
    {
        var session = NewSession();
        Assert.Null(session.Check(Request("SETUP", transport: "RTP/AVP/TCP"), Start));

        var video = SetupTcp(session, 0);
        Assert.Equal(200, video.StatusCode);
        Assert.Equal("0123456789ABCDEF;timeout=60", video.Headers.Get("Session"));
        Assert.Equal("RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=00000100", video.Headers.Get("Transport"));
        Assert.Equal(200, SetupTcp(session, 1, "0123456789ABCDEF").StatusCode);
        Assert.Equal(RtspSessionState.Ready, session.State);
        Assert.Equal("live/cam", session.Path);

        var play = Request("PLAY", Url + "/", "0123456789ABCDEF");
        Assert.Null(session.Check(play, Start));
        var answer = session.Play(play, new Dictionary<int, (ushort, uint)> { [0] = (17, 9000), [1] = (65535, 44100) });

        Assert.Equal(RtspSessionState.Playing, session.State);
        Assert.Equal("npt=0.000-", answer.Headers.Get("Range"));
        Assert.Equal("url=" + Url + "/trackID=0;seq=17;rtptime=9000,url=" + Url + "/trackID=1;seq=65535;rtptime=44100", answer.Headers.Get("RTP-Info"));
    }

    [Fact]
    public void A_channel_pair_already_taken_or_left_open_is_given_a_free_one()
    {
        var session = NewSession();
        var first = Request("SETUP", Url + "/trackID=0", null, "RTP/AVP/TCP;unicast;interleaved=0-1");
        session.Setup(first, RtspTarget.Parse(first.Uri)!, 2, () => 0, _ => 1);
        var clash = Request("SETUP", Url + "/trackID=1", "0123456789ABCDEF", "RTP/AVP/TCP;unicast;interleaved=0-1");

        var answer = session.Setup(clash, RtspTarget.Parse(clash.Uri)!, 2, () => 0, _ => 1);

        Assert.Equal("RTP/AVP/TCP;unicast;interleaved=2-3;ssrc=00000001", answer.Headers.Get("Transport"));
        Assert.Equal(1, session.TrackOfChannel(3));
        Assert.Equal(-1, session.TrackOfChannel(4));
    }

    [Fact]
    public void Udp_setup_answers_with_the_server_port_pair_given()
    {
        var session = NewSession();
        var request = Request("SETUP", Url + "/trackID=0", transport: "RTP/AVP;unicast;client_port=5000-5001");

        var answer = session.Setup(request, RtspTarget.Parse(request.Uri)!, 1, () => 30000, _ => 2);

        Assert.Equal("RTP/AVP;unicast;client_port=5000-5001;server_port=30000-30001;ssrc=00000002", answer.Headers.Get("Transport"));
    }

    [Theory]
    [InlineData("RTP/AVP;multicast", 0, 461)]
    [InlineData("RTP/AVP/TCP;unicast;mode=record", 0, 461)]
    [InlineData("RTP/AVP/TCP;unicast", 7, 404)]
    public void A_setup_that_cannot_be_served_is_refused_by_status(string transport, int track, int status)
    {
        var session = NewSession();
        var request = Request("SETUP", Url + "/trackID=" + track, transport: transport);

        Assert.Equal(status, session.Setup(request, RtspTarget.Parse(request.Uri)!, 2, () => 0, _ => 1).StatusCode);
        Assert.False(session.IsEstablished);
    }

    [Fact]
    public void Tcp_and_udp_in_one_session_a_second_path_and_setup_while_playing_are_refused()
    {
        var session = NewSession();
        SetupTcp(session, 0);
        var udp = Request("SETUP", Url + "/trackID=1", "0123456789ABCDEF", "RTP/AVP;unicast;client_port=5000-5001");
        Assert.Equal(461, session.Setup(udp, RtspTarget.Parse(udp.Uri)!, 2, () => 1, _ => 1).StatusCode);

        var other = Request("SETUP", "rtsp://h/live/other/trackID=1", "0123456789ABCDEF", "RTP/AVP/TCP");
        Assert.Equal(459, session.Setup(other, RtspTarget.Parse(other.Uri)!, 2, () => 1, _ => 1).StatusCode);

        session.Play(Request("PLAY", session: "0123456789ABCDEF"), new Dictionary<int, (ushort, uint)>());
        Assert.Equal(455, SetupTcp(session, 1, "0123456789ABCDEF").StatusCode);
    }

    [Fact]
    public void Requests_are_checked_for_cseq_method_session_id_and_state()
    {
        var session = NewSession();
        Assert.Equal(400, session.Check(new RtspRequest("OPTIONS", "*"), Start)!.StatusCode);
        Assert.Equal(501, session.Check(Request("REDIRECT"), Start)!.StatusCode);
        Assert.Equal(454, session.Check(Request("PLAY"), Start)!.StatusCode);
        Assert.Equal(454, session.Check(Request("PLAY", session: "0123456789ABCDEF"), Start)!.StatusCode);
        Assert.Null(session.Check(Request("GET_PARAMETER"), Start));

        SetupTcp(session, 0);
        Assert.Equal(454, session.Check(Request("PLAY", session: "FEDCBA9876543210"), Start)!.StatusCode);
        Assert.Null(session.Check(Request("PLAY", session: "0123456789ABCDEF;timeout=60"), Start));

        session.Teardown(Request("TEARDOWN", session: "0123456789ABCDEF"));
        Assert.Equal(RtspSessionState.Closed, session.State);
        Assert.Equal(455, session.Check(Request("PLAY", session: "0123456789ABCDEF"), Start)!.StatusCode);

        // What a client tearing down has in flight is answered as done, and does not open the session again.
        Assert.Null(session.Check(Request("PAUSE", session: "0123456789ABCDEF"), Start));
        Assert.Equal(200, session.Pause(Request("PAUSE", session: "0123456789ABCDEF")).StatusCode);
        Assert.Equal(RtspSessionState.Closed, session.State);
    }

    [Fact]
    public void A_session_expires_after_its_timeout_without_a_request_and_each_request_renews_it()
    {
        var session = NewSession();
        Assert.False(session.IsExpired(Start + TimeSpan.FromSeconds(60)));
        Assert.True(session.IsExpired(Start + TimeSpan.FromSeconds(61)));

        session.Check(Request("OPTIONS", "*"), Start + TimeSpan.FromSeconds(50));
        Assert.False(session.IsExpired(Start + TimeSpan.FromSeconds(61)));
    }

    [Fact]
    public void A_short_or_non_token_session_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RtspServerSession("short", TimeSpan.FromSeconds(60), Start));
        Assert.Throws<ArgumentException>(() => new RtspServerSession("0123456789;ABCDEF", TimeSpan.FromSeconds(60), Start));
    }

    [Fact]
    public void A_publish_announces_sets_up_its_tracks_with_mode_record_over_tcp_and_records()
    {
        var session = NewSession();
        Assert.Null(session.Check(Request("ANNOUNCE"), Start));
        Assert.Equal(200, session.Announce(Request("ANNOUNCE")).StatusCode);
        var target = RtspTarget.Parse(Url)!;

        var record = Request("SETUP", Url + "/streamid=0", transport: "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record");
        var answer = session.Setup(record, target, 2, () => 0, _ => 1, recordTrack: 0);
        Assert.Equal("RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", answer.Headers.Get("Transport"));

        var udp = Request("SETUP", Url + "/streamid=1", "0123456789ABCDEF", "RTP/AVP;unicast;client_port=5000-5001;mode=record");
        Assert.Equal(461, session.Setup(udp, target, 2, () => 0, _ => 1, recordTrack: 1).StatusCode);
        var play = Request("SETUP", Url + "/streamid=1", "0123456789ABCDEF", "RTP/AVP/TCP;unicast;interleaved=2-3");
        Assert.Equal(461, session.Setup(play, target, 2, () => 0, _ => 1, recordTrack: 1).StatusCode);

        var go = Request("RECORD", Url, "0123456789ABCDEF");
        Assert.Null(session.Check(go, Start));
        Assert.Equal(200, session.Record(go).StatusCode);
        Assert.Equal(RtspSessionState.Recording, session.State);
        Assert.Equal(0, session.TrackOfChannel(0));
    }
}
