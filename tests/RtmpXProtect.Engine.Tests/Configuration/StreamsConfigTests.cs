using System;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Streaming;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Configuration
{
    public class StreamsConfigTests
    {
        private const string Key = "s3cr3t-key-4711";

        [Fact]
        public void A_valid_stream_maps_to_a_definition_with_every_field()
        {
            var config = RtmpxConfigLoader.Parse(@"{
  ""streams"": [
    { ""name"": ""yt"", ""source"": ""rtmp://cam/live/1"", ""audio"": ""silent"", ""video"": ""requireH264"", ""enabled"": false,
      ""destinations"": [ { ""url"": ""rtmps://a.example.com/live2/" + Key + @""", ""allowUntrustedCertificate"": true },
                          { ""url"": ""rtmp://b.example.com/app/" + Key + @""" } ] },
    { ""name"": ""twitch"", ""source"": ""cam.flv"", ""destinations"": [ { ""url"": ""rtmp://c/app/x"" } ] },
    { ""name"": ""raw"", ""source"": ""gbd:cam1.raw"", ""destinations"": [ { ""url"": ""rtmp://c/app/x"" } ] },
    { ""name"": ""raw2"", ""source"": ""rec/cam2.gbd"", ""destinations"": [ { ""url"": ""rtmp://c/app/x"" } ] },
    { ""name"": ""local"", ""source"": ""ingest:live/cam1"", ""destinations"": [ { ""url"": ""rtmp://c/app/x"" } ] },
  ],
}");
            var streams = StreamsMapper.ToStreamDefinitions(config, Path.GetTempPath());
            Assert.Equal(5, streams.Count);

            // Files are the configuration's, as a helper process runs elsewhere; an ingest path is the server's.
            Assert.Equal("gbd:" + Path.Combine(Path.GetTempPath(), "cam1.raw"), streams[2].Source);
            Assert.Equal(Path.Combine(Path.GetTempPath(), "rec", "cam2.gbd"), streams[3].Source);
            Assert.Equal("ingest:live/cam1", streams[4].Source);
            var yt = streams[0];
            Assert.Equal("yt", yt.Name);
            Assert.Equal("rtmp://cam/live/1", yt.Source);
            Assert.False(yt.Enabled);
            Assert.Equal(AudioMode.Silent, yt.Audio);
            Assert.Equal(VideoCodecPolicy.RequireH264, yt.Video);
            Assert.Equal(2, yt.Destinations.Count);
            Assert.True(yt.Destinations[0].AllowUntrustedCertificate);
            Assert.False(yt.Destinations[1].AllowUntrustedCertificate);
            Assert.Equal("rtmps://a.example.com/live2/" + Key, yt.Destinations[0].Url);
            Assert.Equal("rtmps://a.example.com:443/live2/****", yt.Destinations[0].Shown);
            Assert.Equal(Path.Combine(Path.GetTempPath(), "cam.flv"), streams[1].Source);
            Assert.True(streams[1].Enabled);
            Assert.Equal(AudioMode.Auto, streams[1].Audio);
            Assert.Equal(VideoCodecPolicy.Passthrough, streams[1].Video);
        }

        [Theory]
        [InlineData("{ \"streams\": null }", "line 1: streams must not be null")]
        [InlineData("{ \"streams\": [ null ] }", "line 1: streams[0] must be an object")]
        [InlineData("{ \"streams\": [ { \"source\": \"a.flv\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].name must be 1–64 letters, digits, '-', '_' or '.'")]
        [InlineData("{ \"streams\": [ { \"name\": \"a b\", \"source\": \"a.flv\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].name must be 1–64 letters, digits, '-', '_' or '.'")]
        [InlineData("{ \"streams\": [ { \"name\": \"..\", \"source\": \"a.flv\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].name must be 1–64 letters, digits, '-', '_' or '.'")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].source must be an rtmp://, rtmps://, rtsp:// or rtsps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"live/lobby\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].source must be an rtmp://, rtmps://, rtsp:// or rtsps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"ingest:lobby\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].source must be an rtmp://, rtmps://, rtsp:// or rtsps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"ingest:live/\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].source must be an rtmp://, rtmps://, rtsp:// or rtsps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"gbd:\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].source must be an rtmp://, rtmps://, rtsp:// or rtsps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"rtmp://host-only\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].source must be an rtmp://, rtmps://, rtsp:// or rtsps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"cam.mkv\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].source must be an rtmp://, rtmps://, rtsp:// or rtsps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\" } ] }", "line 1: streams[0].destinations must list at least one destination")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": null } ] }", "line 1: streams[0].destinations must list at least one destination")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ null ] } ] }", "line 1: streams[0].destinations[0] must be an object")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ {} ] } ] }", "line 1: streams[0].destinations[0] must set exactly one of url, urlFile and urlEnv")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"url\": \"rtmp://h/a/" + Key + "\", \"urlEnv\": \"X\" } ] } ] }", "line 1: streams[0].destinations[0] must set exactly one of url, urlFile and urlEnv")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"url\": \"https://h/a/" + Key + "\" } ] } ] }", "line 1: streams[0].destinations[0].url must be an rtmp:// or rtmps:// URL")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"url\": \"rtmp://h/" + Key + "\" } ] } ] }", "line 1: streams[0].destinations[0].url must be an rtmp:// or rtmps:// URL")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"urlFile\": \" \" } ] } ] }", "line 1: streams[0].destinations[0].urlFile must be a file path")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"urlEnv\": \"\" } ] } ] }", "line 1: streams[0].destinations[0].urlEnv must name an environment variable")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"audio\": \"loud\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].audio must be one of auto, passthrough, silent, none")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"video\": \"h265\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].video must be one of passthrough, requireH264")]
        [InlineData("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"uri\": \"rtmp://h/a/s\" } ] } ] }", "line 1: streams[0].destinations[0].uri is not a known key")]
        public void An_invalid_stream_is_refused_naming_the_key_and_never_the_url(string json, string error)
        {
            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigLoader.Parse(json));
            Assert.Equal(new[] { error }, e.Errors);
            Assert.DoesNotContain(Key, e.Message);
        }

        [Fact]
        public void Names_must_be_unique_ignoring_case_and_the_error_names_the_first()
        {
            var json = "{\n \"streams\": [\n  { \"name\": \"cam\", \"source\": \"a.flv\", \"destinations\": [ { \"url\": \"rtmp://h/a/s\" } ] },\n  { \"name\": \"CAM\", \"source\": \"b.flv\", \"destinations\": [ { \"url\": \"rtmp://h/a/t\" } ] }\n ]\n}";
            var e = Assert.Throws<RtmpxConfigException>(() => RtmpxConfigLoader.Parse(json));
            Assert.Equal(new[] { "line 4: streams[1].name must be unique (streams[0] has the same name)" }, e.Errors);
        }

        [Fact]
        public void A_url_is_read_from_a_file_relative_to_the_base_directory()
        {
            var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rtmpx-streams-" + Guid.NewGuid().ToString("N")));
            try
            {
                File.WriteAllText(Path.Combine(directory.FullName, "yt.url"), "rtmp://a.example.com/live2/" + Key + "\n");
                var config = RtmpxConfigLoader.Parse("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"urlFile\": \"yt.url\" } ] } ] }");
                var stream = StreamsMapper.ToStreamDefinitions(config, directory.FullName).Single();
                Assert.Equal("rtmp://a.example.com/live2/" + Key, stream.Destinations[0].Url);
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        [Fact]
        public void A_url_is_read_from_an_environment_variable()
        {
            var variable = "RTMPX_TEST_URL_" + Guid.NewGuid().ToString("N");
            Environment.SetEnvironmentVariable(variable, " rtmps://b.example.com/app/" + Key + " ");
            try
            {
                var config = RtmpxConfigLoader.Parse("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"urlEnv\": \"" + variable + "\" } ] } ] }");
                var stream = StreamsMapper.ToStreamDefinitions(config, Path.GetTempPath()).Single();
                Assert.Equal("rtmps://b.example.com/app/" + Key, stream.Destinations[0].Url);
            }
            finally
            {
                Environment.SetEnvironmentVariable(variable, null);
            }
        }

        [Fact]
        public void A_missing_file_an_unset_variable_and_a_bad_secret_are_named_by_key_without_quoting_the_secret()
        {
            var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rtmpx-streams-" + Guid.NewGuid().ToString("N")));
            var variable = "RTMPX_TEST_URL_" + Guid.NewGuid().ToString("N");
            Environment.SetEnvironmentVariable(variable, "http://not-rtmp/" + Key);
            try
            {
                File.WriteAllText(Path.Combine(directory.FullName, "bad.url"), "ftp://x/y/" + Key);
                var config = RtmpxConfigLoader.Parse("{ \"streams\": [ { \"name\": \"a\", \"source\": \"a.flv\", \"destinations\": [ { \"urlFile\": \"missing.url\" }, { \"urlFile\": \"bad.url\" }, { \"urlEnv\": \"" + variable + "\" }, { \"urlEnv\": \"" + variable + "_UNSET\" } ] } ] }");
                var e = Assert.Throws<RtmpxConfigException>(() => StreamsMapper.ToStreamDefinitions(config, directory.FullName));
                Assert.Equal(
                    new[]
                    {
                        "streams[0].destinations[0].urlFile names a file that cannot be read (FileNotFoundException)",
                        "streams[0].destinations[1].urlFile must hold an rtmp:// or rtmps:// URL",
                        "streams[0].destinations[2].urlEnv must hold an rtmp:// or rtmps:// URL",
                        "streams[0].destinations[3].urlEnv names an environment variable that is not set",
                    },
                    e.Errors);
                Assert.DoesNotContain(Key, e.Message);
            }
            finally
            {
                Environment.SetEnvironmentVariable(variable, null);
                directory.Delete(recursive: true);
            }
        }
    }
}
