using System;
using System.IO;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;
using static RtmpXProtect.Engine.Tests.Server.RtmpServerTests;

namespace RtmpXProtect.Engine.Tests.Configuration
{
    public class ConfiguredServerTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task A_server_started_from_a_config_file_takes_a_publisher_with_the_path_key_and_refuses_others()
        {
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, @"{
                  // a key for one path, on a free loopback port
                  ""listeners"": { ""rtmp"": { ""listen"": ""127.0.0.1:0"" }, ""rtsp"": { ""listen"": ""127.0.0.1:0"" } },
                  ""paths"": { ""mode"": ""fixed"", ""entries"": { ""live/cam1"": { ""publishKeys"": [""CAM1KEY""] } } },
                }");
                var options = RtmpxConfigMapper.ToServerOptions(RtmpxConfigLoader.Load(path));
                await using var server = new RtmpServer(options, new LogCapture().Logger);
                server.Start();

                await using var publisher = await Publish(server, "cam1?key=CAM1KEY");
                await using var player = await Play(server, "cam1");
                await SendStream(publisher, 1, gops: 1);
                Assert.Equal(8, (await ReadFrames(player, 8)).Count);

                await using var intruder = await RtmpClient.ConnectAsync(Url(server, "cam2?key=CAM1KEY"));
                await Assert.ThrowsAsync<RtmpStatusException>(() => intruder.PublishAsync().WaitAsync(Timeout));
                await using var keyless = await RtmpClient.ConnectAsync(Url(server, "cam1"));
                await Assert.ThrowsAsync<RtmpStatusException>(() => keyless.PublishAsync().WaitAsync(Timeout));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
