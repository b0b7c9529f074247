using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Sources;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Sources
{
    public class FrameSourcesTests
    {
        [Theory]
        [InlineData("rtmp://example.com/live/SECRETKEY", typeof(RtmpPullSource))]
        [InlineData("RTMPS://example.com:443/live/SECRETKEY", typeof(RtmpPullSource))]
        [InlineData("rtsp://viewer:SECRETKEY@camera.local/live/cam1", typeof(RtspPullSource))]
        [InlineData("rtsps://camera.local:8322/live/cam1?key=SECRETKEY", typeof(RtspPullSource))]
        [InlineData("/media/clip.flv", typeof(MediaFileSource))]
        [InlineData("gbd:/media/cam1.raw", typeof(GenericByteDataSource))]
        [InlineData("/media/cam1.gbd", typeof(GenericByteDataSource))]
        public void Chooses_the_source_by_its_form(string text, System.Type expected)
        {
            var source = FrameSources.Create(text, new FrameSourceContext());
            Assert.IsType(expected, source);
            Assert.DoesNotContain("SECRETKEY", source.Description);
        }

        [Theory]
        [InlineData(RtspSourceTransport.Tcp, "rtsp://camera.local:554/live/cam1?**** over TCP")]
        [InlineData(RtspSourceTransport.Udp, "rtsp://camera.local:554/live/cam1?**** over UDP")]
        public void An_rtsp_source_takes_the_contexts_transport_and_names_it_without_credentials_or_query(RtspSourceTransport transport, string description)
        {
            var source = Assert.IsType<RtspPullSource>(FrameSources.Create("rtsp://viewer:SECRETKEY@camera.local/live/cam1?key=SECRETKEY", new FrameSourceContext { RtspTransport = transport }));
            Assert.Equal(transport, source.Transport);
            Assert.Equal(description, source.Description);
        }

        [Fact]
        public void A_path_whose_rtsp_transport_changed_is_another_path_source_so_a_reload_restarts_it()
        {
            var tcp = new RtmpXProtect.Engine.Streaming.Paths.PathSourceOptions("live/gate", "rtsp://cam/s", false, System.TimeSpan.FromSeconds(10));
            var udp = new RtmpXProtect.Engine.Streaming.Paths.PathSourceOptions("live/gate", "rtsp://cam/s", false, System.TimeSpan.FromSeconds(10), RtspSourceTransport.Udp);
            Assert.NotEqual(tcp, udp);
            Assert.Equal(udp, new RtmpXProtect.Engine.Streaming.Paths.PathSourceOptions("live/gate", "rtsp://cam/s", false, System.TimeSpan.FromSeconds(10), RtspSourceTransport.Udp));
            Assert.Equal(udp.GetHashCode(), new RtmpXProtect.Engine.Streaming.Paths.PathSourceOptions("live/gate", "rtsp://cam/s", false, System.TimeSpan.FromSeconds(10), RtspSourceTransport.Udp).GetHashCode());
        }

        [Fact]
        public async Task An_ingest_path_reads_the_in_process_server()
        {
            await using var server = new RtmpServer();
            var source = FrameSources.Create("ingest:live/cam1", new FrameSourceContext { Server = server });
            Assert.IsType<IngestPathSource>(source);
            Assert.Equal("ingest path live/****", source.Description);
        }

        [Theory]
        [InlineData("ingest:live")]
        [InlineData("ingest:/cam1")]
        [InlineData("ingest:live/")]
        public void A_malformed_ingest_path_names_the_expected_form(string text)
        {
            var e = Assert.Throws<FrameSourceException>(() => FrameSources.Create(text, new FrameSourceContext { Server = new RtmpServer() }));
            Assert.Contains("ingest:APP/STREAM", e.Message);
        }

        [Fact]
        public void An_ingest_path_without_a_server_says_it_needs_one()
        {
            var e = Assert.Throws<FrameSourceException>(() => FrameSources.Create("ingest:live/cam1", new FrameSourceContext()));
            Assert.Contains("in-process ingest server", e.Message);
        }

        [Theory]
        [InlineData("http://example.com/live/SECRETKEY")]
        [InlineData("SECRETKEY")]
        [InlineData("")]
        [InlineData("rtmp://")]
        public void An_unknown_or_broken_form_names_the_forms_expected_without_echoing_the_text(string text)
        {
            var e = Assert.Throws<FrameSourceException>(() => FrameSources.Create(text, new FrameSourceContext()));
            Assert.DoesNotContain("SECRETKEY", e.Message);
            Assert.Contains("rtmp://", e.Message);
        }

        [Theory]
        [InlineData("rtsp://")]
        [InlineData("rtsp:///SECRETKEY")]
        public void A_broken_rtsp_url_says_the_form_expected_without_echoing_it(string text)
        {
            var e = Assert.Throws<FrameSourceException>(() => FrameSources.Create(text, new FrameSourceContext()));
            Assert.DoesNotContain("SECRETKEY", e.Message);
            Assert.Contains("rtsp://[user:password@]host", e.Message);
        }

        [Fact]
        public async Task A_refused_pull_fails_with_a_message_that_masks_the_key()
        {
            // A port nothing listens on: bind one, note it, close it.
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            var source = new RtmpPullSource($"rtmp://127.0.0.1:{port}/live/SECRETKEY", new RtmpClientOptions { ConnectTimeout = System.TimeSpan.FromSeconds(5) });
            using var cancel = new CancellationTokenSource(System.TimeSpan.FromSeconds(10));
            var e = await Assert.ThrowsAsync<FrameSourceException>(async () =>
            {
                await foreach (var unused in source.ReadAsync(cancel.Token))
                {
                }
            });
            Assert.Contains("Cannot play rtmp://127.0.0.1:" + port + "/live/****", e.Message);
            Assert.DoesNotContain("SECRETKEY", e.ToString());
        }
    }
}
