using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Engine.Streaming.Sources;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Configuration
{
    public class ConfigMappingTests
    {
        [Fact]
        public void No_file_and_an_empty_object_both_serve_as_the_command_line_does_without_options()
        {
            var defaults = new RtmpServerOptions();
            foreach (var config in new[] { new RtmpxConfig(), RtmpxConfigLoader.Parse("{}") })
            {
                var options = RtmpxConfigMapper.ToServerOptions(config);
                Assert.Equal(defaults.Endpoint, options.Endpoint);
                Assert.Null(options.TlsEndpoint);
                Assert.Equal(new IPEndPoint(IPAddress.Any, 8554), options.RtspEndpoint);
                Assert.Null(options.RtspsEndpoint);
                Assert.Equal("30000-30999", options.RtspUdpPorts.ToString());
                Assert.Null(options.Access);
                Assert.Null(options.RecordDirectory);
                Assert.Equal(defaults.HandshakeTimeout, options.HandshakeTimeout);
                Assert.Equal(defaults.MaxGopCacheBytes, options.MaxGopCacheBytes);
                Assert.Equal(WireLimits.Default.MaxMessageSize, options.Limits.MaxMessageSize);
                Assert.Equal(WireLimits.Default.MaxAmfDepth, options.Limits.MaxAmfDepth);
                Assert.Equal(defaults.Admission.MaxConnections, options.Admission.MaxConnections);
                Assert.Equal(defaults.Admission.ReceiveIdleTimeout, options.Admission.ReceiveIdleTimeout);
            }
        }

        [Fact]
        public void Every_section_reaches_the_server_options()
        {
            var config = RtmpxConfigLoader.Parse(@"{
              ""listeners"": {
                ""rtmp"": { ""listen"": ""127.0.0.1:0"" },
                ""rtmps"": { ""enabled"": true, ""listen"": ""[::1]:8443"", ""certificate"": { ""path"": ""server.pfx"", ""passwordEnv"": ""PFX_PASSWORD"" } }
              },
              ""limits"": { ""maxConnections"": 20, ""maxMessageSize"": 2048, ""maxChunkStreams"": 8, ""decisionTimeoutSeconds"": 4, ""handshakeTimeoutSeconds"": 3, ""memoryBudgetPerConnectionBytes"": 2097152 },
              ""paths"": {
                ""mode"": ""fixed"", ""takeover"": ""sameKey"",
                ""publishKeys"": [""ANY""], ""playKeys"": [""VIEW""], ""publishers"": [""10.0.0.0/8"", ""::1""],
                ""entries"": { ""/live/cam1/"": { ""publishKeys"": [""CAM1""], ""playKeys"": [""CAM1VIEW""] }, ""stream2"": {} }
              },
              ""auth"": { ""callbackUrl"": ""https://auth.example/rtmp"", ""callbackTimeoutSeconds"": 5, ""playRequiresKey"": true, ""signingSecretEnv"": ""RTMPX_SECRET"" },
              ""record"": { ""directory"": ""/var/lib/rtmpx"", ""format"": ""flv"", ""pattern"": ""%path/%Y%m%d-%H%M%S"", ""segmentSeconds"": 600, ""deleteAfterHours"": 1.5, ""maxMegabytesPerPath"": 2048 },
              ""logging"": { ""level"": ""debug"" }
            }");
            var options = RtmpxConfigMapper.ToServerOptions(config);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0), options.Endpoint);
            Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 8443), options.TlsEndpoint);
            Assert.Equal("server.pfx", config.Listeners.Rtmps.Certificate.Path);
            Assert.Equal(20, options.Admission.MaxConnections);
            Assert.Equal(TimeSpan.FromSeconds(4), options.Admission.DecisionTimeout);
            Assert.Equal(2097152, options.Admission.MemoryBudgetPerConnection);
            Assert.Equal(TimeSpan.FromSeconds(3), options.HandshakeTimeout);
            Assert.Equal(2048, options.Limits.MaxMessageSize);
            Assert.Equal(8, options.Limits.MaxChunkStreams);
            Assert.NotSame(WireLimits.Default, options.Limits);
            var access = Assert.IsType<AccessPolicy>(options.Access);
            Assert.Equal(AccessMode.Fixed, access.Mode);
            Assert.Equal(TakeoverPolicy.SameKey, access.Takeover);
            Assert.Equal(new[] { "ANY" }, access.PublishKeys);
            Assert.Equal(new[] { "VIEW" }, access.PlayKeys);
            Assert.Equal(new[] { "10.0.0.0/8", "::1" }, access.PublisherNetworks);
            Assert.Equal(new[] { "live/cam1", "stream2" }, access.Paths.Select(p => p.Path));
            Assert.Equal(new[] { "CAM1" }, access.Paths[0].PublishKeys);
            Assert.Equal(new[] { "CAM1VIEW" }, access.Paths[0].PlayKeys);
            Assert.True(access.PlayRequiresKey);
            Assert.Equal(new Uri("https://auth.example/rtmp"), access.CallbackUrl);
            Assert.Equal(TimeSpan.FromSeconds(5), access.CallbackTimeout);
            Assert.Null(access.SigningSecret);
            Assert.Equal("RTMPX_SECRET", config.Auth.SigningSecretEnv);
            Assert.Equal("/var/lib/rtmpx", options.RecordDirectory);
            Assert.Equal(RtmpXProtect.Engine.Recording.RecordingFormat.Flv, options.Recording.Format);
            Assert.Equal("%path/%Y%m%d-%H%M%S", options.Recording.Pattern);
            Assert.Equal(TimeSpan.FromMinutes(10), options.Recording.SegmentDuration);
            Assert.Equal(TimeSpan.FromMinutes(90), options.Recording.DeleteAfter);
            Assert.Equal(2048L << 20, options.Recording.MaxBytesPerPath);
            Assert.Equal(Serilog.Events.LogEventLevel.Debug, config.Logging.Level);
        }

        [Fact]
        public void Takeover_alone_keeps_the_server_open()
        {
            Assert.Null(RtmpxConfigMapper.ToServerOptions(RtmpxConfigLoader.Parse("{ \"paths\": { \"takeover\": \"sameKey\" } }")).Access);
        }

        [Fact]
        public void A_key_for_any_path_closes_an_open_server()
        {
            var access = RtmpxConfigMapper.ToServerOptions(RtmpxConfigLoader.Parse("{ \"paths\": { \"publishKeys\": [\"K\"] } }")).Access;
            Assert.Equal(AccessMode.Open, Assert.IsType<AccessPolicy>(access).Mode);
        }

        [Fact]
        public void A_model_changed_in_code_is_validated_too()
        {
            var config = new RtmpxConfig();
            config.Limits.MaxAmfItems = 1;
            config.Listeners.Rtmp.Listen = "nowhere";
            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigMapper.ToServerOptions(config));
            Assert.Equal(
                new[] { "listeners.rtmp.listen must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935", "limits.maxAmfItems must be 16–16777216" },
                e.Errors);
        }

        [Fact]
        public void A_byte_order_mark_is_accepted()
        {
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "{ \"limits\": { \"maxConnections\": 9 } }", new UTF8Encoding(true));
                Assert.Equal(9, RtmpxConfigLoader.Load(path).Limits.MaxConnections);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Deep_nesting_is_refused_as_invalid_json()
        {
            var json = "{ \"paths\": { \"entries\": " + new string('[', 10000) + new string(']', 10000) + " } }";
            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigLoader.Parse(json));
            Assert.Single(e.Errors);
        }

        [Fact]
        public void Random_damage_to_the_example_only_ever_raises_the_configuration_error()
        {
            var example = File.ReadAllText(RepositoryFiles.Path("docs/rtmpx.example.jsonc"));
            var alphabet = "{}[]\",:/*0123456789-.enulltrufasx \n";
            var random = new Random(4242);
            for (var i = 0; i < 3000; i++)
            {
                var text = new StringBuilder(i % 10 == 0 ? string.Empty : example);
                if (text.Length == 0)
                {
                    for (var j = random.Next(0, 200); j > 0; j--)
                    {
                        text.Append(alphabet[random.Next(alphabet.Length)]);
                    }
                }
                else
                {
                    for (var j = random.Next(1, 6); j > 0; j--)
                    {
                        var at = random.Next(text.Length);
                        switch (random.Next(3))
                        {
                            case 0: text.Remove(at, Math.Min(text.Length - at, random.Next(1, 20))); break;
                            case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                            default: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                        }
                    }
                }

                try
                {
                    RtmpxConfigMapper.ToServerOptions(RtmpxConfigLoader.Parse(text.ToString()));
                }
                catch (RtmpxConfigException e)
                {
                    Assert.NotEmpty(e.Errors);
                }
            }
        }
    
        [Fact]
        public void Path_sources_are_mapped_with_their_demand_and_close_delay()
        {
            var options = RtmpxConfigMapper.ToServerOptions(RtmpxConfigLoader.Parse(@"{ ""paths"": { ""entries"": {
                ""live/gate"": { ""source"": ""rtsp://viewer:pw@10.1.2.3/stream1"", ""sourceOnDemand"": true, ""sourceCloseAfterSeconds"": 30, ""sourceTransport"": ""UDP"" },
                ""/live/yard/"": { ""source"": ""rtmp://10.1.2.4/live/yard"" },
                ""live/cam1"": { ""publishKeys"": [""K""] } } } }"));

            Assert.Equal(2, options.PathSources.Count);
            var gate = Assert.Single(options.PathSources, s => s.Path == "live/gate");
            Assert.True(gate.OnDemand);
            Assert.Equal(TimeSpan.FromSeconds(30), gate.CloseAfter);
            Assert.Equal(RtspSourceTransport.Udp, gate.RtspTransport);
            var yard = Assert.Single(options.PathSources, s => s.Path == "live/yard");
            Assert.False(yard.OnDemand);
            Assert.Equal(TimeSpan.FromSeconds(10), yard.CloseAfter);
            Assert.Equal(RtspSourceTransport.Tcp, yard.RtspTransport);
        }
    }
}
