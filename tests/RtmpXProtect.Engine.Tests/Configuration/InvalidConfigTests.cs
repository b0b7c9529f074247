using System;
using RtmpXProtect.Engine.Configuration;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Configuration
{
    public class InvalidConfigTests
    {
        [Theory]
        [InlineData("{\n \"limits\": {\n  \"maxConections\": 5\n }\n}", "line 3: limits.maxConections is not a known key")]
        [InlineData("{\n \"colour\": 1\n}", "line 2: colour is not a known key")]
        [InlineData("{\n \"limits\": { \"maxConnections\": \"many\" }\n}", "line 2: limits.maxConnections must be an integer")]
        [InlineData("{\n \"limits\": { \"maxConnections\": 1.5 }\n}", "line 2: limits.maxConnections must be an integer")]
        [InlineData("{\n \"limits\": { \"maxConnections\": null }\n}", "line 2: limits.maxConnections must be an integer")]
        [InlineData("{ \"listeners\": { \"rtmp\": { \"enabled\": \"yes\" } } }", "line 1: listeners.rtmp.enabled must be true or false")]
        [InlineData("{ \"paths\": { \"mode\": \"closed\" } }", "line 1: paths.mode must be one of open, fixed")]
        [InlineData("{ \"paths\": { \"takeover\": 1 } }", "line 1: paths.takeover must be one of none, sameKey")]
        [InlineData("{ \"paths\": { \"publishKeys\": \"KEY\" } }", "line 1: paths.publishKeys must be an array of strings")]
        [InlineData("{ \"paths\": { \"entries\": { \"live/cam1\": { \"publishKey\": [] } } } }", "line 1: paths.entries.live/cam1.publishKey is not a known key")]
        [InlineData("{ \"logging\": { \"level\": \"loud\" } }", "line 1: logging.level must be one of verbose, debug, information, warning, error, fatal")]
        [InlineData("{\n \"limits\": {\n  \"maxConnections\": 0\n }\n}", "line 3: limits.maxConnections must be 1–100000")]
        [InlineData("{\n \"limits\": {\n  \"maxConnections\": 100001\n }\n}", "line 3: limits.maxConnections must be 1–100000")]
        [InlineData("{ \"limits\": { \"maxConnections\": 4294967297 } }", "line 1: limits.maxConnections must be an integer")]
        [InlineData("{ \"limits\": { \"maxMessageSize\": 4294968320 } }", "line 1: limits.maxMessageSize must be an integer")]
        [InlineData("{ \"limits\": { \"maxMessageSize\": 100 } }", "line 1: limits.maxMessageSize must be 1024–16777215")]
        [InlineData("{ \"limits\": { \"maxAmfDepth\": 5000 } }", "line 1: limits.maxAmfDepth must be 2–1024")]
        [InlineData("{ \"limits\": { \"handshakeTimeoutSeconds\": 0 } }", "line 1: limits.handshakeTimeoutSeconds must be 1–300")]
        [InlineData("{ \"listeners\": { \"rtmp\": { \"listen\": \"1935\" } } }", "line 1: listeners.rtmp.listen must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935")]
        [InlineData("{ \"listeners\": { \"rtmp\": { \"listen\": \"0.0.0.0:70000\" } } }", "line 1: listeners.rtmp.listen must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935")]
        [InlineData("{ \"listeners\": { \"rtmp\": { \"listen\": \"::1:1935\" } } }", "line 1: listeners.rtmp.listen must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935")]
        [InlineData("{ \"listeners\": { \"rtmp\": { \"listen\": \"example.com:1935\" } } }", "line 1: listeners.rtmp.listen must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935")]
        [InlineData("{\n \"listeners\": {\n  \"rtmps\": { \"enabled\": true }\n }\n}", "line 3: listeners.rtmps.certificate.path is required when listeners.rtmps.enabled is true")]
        [InlineData("{ \"listeners\": { \"rtmp\": { \"enabled\": false } } }", "line 1: listeners must enable rtmp or rtmps")]
        [InlineData("{ \"paths\": { \"entries\": { \"live/gate\": { \"source\": \"http://cam/stream\" } } } }", "line 1: paths.entries.live/gate.source must be an rtsp://, rtsps://, rtmp:// or rtmps:// URL or an .flv or .mp4 file")]
        [InlineData("{ \"paths\": { \"entries\": { \"gate\": { \"source\": \"rtsp://cam/stream\" } } } }", "line 1: paths.entries.gate.source needs a path of the form APP/STREAM (such as live/cam1) to publish to")]
        [InlineData("{ \"paths\": { \"entries\": { \"live/gate\": { \"source\": \"rtsp://cam/s\", \"sourceCloseAfterSeconds\": 0 } } } }", "line 1: paths.entries.live/gate.sourceCloseAfterSeconds must be 1–3600")]
        [InlineData("{ \"paths\": { \"entries\": { \"live/gate\": { \"source\": \"rtsp://cam/s\", \"sourceTransport\": \"http\" } } } }", "line 1: paths.entries.live/gate.sourceTransport must be \"tcp\" or \"udp\"")]
        [InlineData("{ \"record\": { \"format\": \"mkv\" } }", "line 1: record.format must be one of fmp4, flv")]
        [InlineData("{ \"record\": { \"pattern\": \"%Y-%m-%d_%H-%M-%S\" } }", "line 1: record.pattern lacks %path: a pattern needs %path and the start down to the second (%Y %m %d %H %M %S), so that files of one path never share a name and can be listed")]
        [InlineData("{ \"record\": { \"segmentSeconds\": 0 } }", "line 1: record.segmentSeconds must be 1–86400")]
        [InlineData("{ \"record\": { \"deleteAfterHours\": 0 } }", "line 1: record.deleteAfterHours must be more than 0 and at most 87600 (ten years); leave it out to keep recordings")]
        [InlineData("{ \"record\": { \"maxMegabytesPerPath\": 0 } }", "line 1: record.maxMegabytesPerPath must be 1–1000000000")]
        [InlineData("{ \"listeners\": { \"rtsp\": { \"listen\": \"8554\" } } }", "line 1: listeners.rtsp.listen must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935")]
        [InlineData("{ \"listeners\": { \"rtsp\": { \"udpPorts\": \"30001-30999\" } } }", "line 1: listeners.rtsp.udpPorts must be FIRST-LAST with an even FIRST, LAST above it, both 1024–65535, such as 30000-30999")]
        [InlineData("{ \"listeners\": { \"rtsp\": { \"udpPorts\": \"80-90\" } } }", "line 1: listeners.rtsp.udpPorts must be FIRST-LAST with an even FIRST, LAST above it, both 1024–65535, such as 30000-30999")]
        [InlineData("{\n \"listeners\": {\n  \"rtsps\": { \"enabled\": true }\n }\n}", "line 3: listeners.rtsps.enabled needs listeners.rtmps.certificate.path: RTSPS uses the RTMPS certificate")]
        [InlineData("{ \"listeners\": { \"rtmps\": { \"enabled\": true, \"certificate\": { \"path\": \"c.pfx\", \"passwordFile\": \"p\", \"passwordEnv\": \"P\" } } } }", "line 1: listeners.rtmps.certificate.passwordEnv must not be set together with passwordFile")]
        [InlineData("{ \"paths\": { \"publishers\": [\"10.0.0.0/8\", \"ten\"] } }", "line 1: paths.publishers[1] must be an IP address or CIDR range")]
        [InlineData("{ \"paths\": { \"publishKeys\": [\"\"] } }", "line 1: paths.publishKeys[0] must be a non-empty string")]
        [InlineData("{ \"paths\": { \"entries\": { \"/\": {} } } }", "line 1: paths.entries must not have an empty path")]
        [InlineData("{ \"auth\": { \"callbackUrl\": \"ftp://x/\" } }", "line 1: auth.callbackUrl must be an absolute http or https URL")]
        [InlineData("{ \"auth\": { \"callbackTimeoutSeconds\": 61 } }", "line 1: auth.callbackTimeoutSeconds must be 1–60")]
        [InlineData("{ \"auth\": { \"signingSecretFile\": \"s\", \"signingSecretEnv\": \"S\" } }", "line 1: auth.signingSecretEnv must not be set together with auth.signingSecretFile")]
        [InlineData("{ \"limits\": null }", "line 1: limits must not be null")]
        [InlineData("{\n \"limits\": {\n  \"maxConnections\": 5,\n }", "line 4: not valid JSON (column 3)")]
        [InlineData("[]", "line 1: the file must hold a JSON object")]
        [InlineData("null", "line 1: the file must hold a JSON object")]
        [InlineData("", "line 1: not valid JSON (column 1)")]
        public void An_invalid_file_is_refused_with_the_line_key_and_rule(string json, string error)
        {
            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigLoader.Parse(json));
            Assert.Equal(new[] { error }, e.Errors);
        }

        [Fact]
        public void Every_problem_is_reported_in_file_order()
        {
            var json = "{\n \"paths\": { \"publishers\": [\"x\"] },\n \"limits\": {\n  \"maxChunkStreams\": 1,\n  \"maxConnections\": 0\n }\n}";
            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigLoader.Parse(json));
            Assert.Equal(
                new[]
                {
                    "line 2: paths.publishers[0] must be an IP address or CIDR range",
                    "line 4: limits.maxChunkStreams must be 4–65599",
                    "line 5: limits.maxConnections must be 1–100000",
                },
                e.Errors);
        }

        [Fact]
        public void Keys_never_appear_in_errors()
        {
            var json = "{ \"paths\": { \"publishKeys\": [\"SECRETKEY\"], \"entries\": { \"live/a\": { \"publishKeys\": [\"OTHERSECRET\", \"\"] } } }, \"limits\": { \"maxConnections\": \"SECRETTOO\" } }";
            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigLoader.Parse(json));
            Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Comments_and_trailing_commas_are_allowed()
        {
            var config = RtmpxConfigLoader.Parse("// a comment\n{ /* here too */ \"limits\": { \"maxConnections\": 7, }, }");
            Assert.Equal(7, config.Limits.MaxConnections);
        }

        [Fact]
        public void A_missing_file_is_refused_by_name()
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N"), "rtmpx.json");
            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigLoader.Load(path));
            Assert.Equal(path + ": cannot be read (DirectoryNotFoundException)", Assert.Single(e.Errors));
        }
    }
}
