using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>
/// ffmpeg's RTSP client against the engine's message reader and writer, one scripted answer per
/// request: what ffmpeg sends parses, and what the writer sends ffmpeg understands (its
/// authentication retry and the reason of a refusal).
/// </summary>
public sealed class RtspMessagesWithFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_requests_parse_and_it_answers_a_basic_challenge_then_reports_the_refusal_it_was_written()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var ffmpeg = PeerProcess.Start("ffmpeg", new[] { "-nostdin", "-v", "error", "-rtsp_transport", "tcp", "-i", $"rtsp://viewer:se%20cret@127.0.0.1:{port}/live/cam1", "-f", "null", "-" });

        using var cancel = new CancellationTokenSource(Step);
        using var client = await listener.AcceptTcpClientAsync(cancel.Token);
        var stream = client.GetStream();
        var reader = new RtspReader();
        var held = new List<byte>();
        var requests = new List<RtspRequest>();
        async Task<RtspRequest> NextAsync()
        {
            var buffer = new byte[4096];
            while (true)
            {
                if (reader.TryRead(held.ToArray(), out var message, out var consumed))
                {
                    held.RemoveRange(0, consumed);
                    var request = Assert.IsType<RtspRequest>(message);
                    requests.Add(request);
                    return request;
                }

                held.RemoveRange(0, consumed);
                int read = await stream.ReadAsync(buffer, cancel.Token);
                Assert.True(read > 0, "ffmpeg closed the connection before its next request");
                held.AddRange(buffer.Take(read));
            }
        }

        async Task AnswerAsync(RtspRequest request, int code, string reason, params (string Name, string Value)[] headers)
        {
            var answer = new RtspHeaders().Add("CSeq", request.Headers.Get("CSeq")!);
            foreach (var (name, value) in headers)
            {
                answer.Add(name, value);
            }

            await stream.WriteAsync(RtspWriter.Write(new RtspResponse(code, reason, answer)), cancel.Token);
        }

        var options = await NextAsync();
        Assert.Equal("OPTIONS", options.Method);
        await AnswerAsync(options, 200, "OK", ("Public", "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER"));

        var describe = await NextAsync();
        Assert.Equal("DESCRIBE", describe.Method);
        Assert.Equal($"rtsp://127.0.0.1:{port}/live/cam1", describe.Uri);
        Assert.Equal("application/sdp", describe.Headers.Get("Accept"));
        Assert.Null(describe.Headers.Get("Authorization"));
        await AnswerAsync(describe, 401, "Unauthorized", ("WWW-Authenticate", "Basic realm=\"rtmpx\""));

        var retried = await NextAsync();
        Assert.Equal("DESCRIBE", retried.Method);
        Assert.True(retried.Headers.CSeq > describe.Headers.CSeq, "a retry is a new request");
        var authorization = retried.Headers.Get("Authorization")!;
        Assert.StartsWith("Basic ", authorization);
        Assert.Equal("viewer:se cret", Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Substring(6))));
        await AnswerAsync(retried, 404, "Stream Not Found");

        Assert.NotEqual(0, await ffmpeg.WaitForExitAsync(Step));
        Assert.Contains("404", ffmpeg.StandardErrorTail());
        Assert.All(requests, r => Assert.NotNull(r.Headers.Get("User-Agent")));
    }
}
