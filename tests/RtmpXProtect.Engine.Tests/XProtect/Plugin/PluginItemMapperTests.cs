using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.XProtect.Plugin;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin
{
    public class PluginItemMapperTests
    {
        private const string Key = "abcd-SECRET-1234";
        private static readonly Guid Camera = new Guid("6f0c5c8e-1d7a-4c36-9d55-2a7b0f6b9e11");
        private readonly MemoryStreamKeyStore _keys = new MemoryStreamKeyStore();

        [Fact]
        public void An_entry_becomes_a_bag_without_its_key_and_the_bag_a_definition_with_it()
        {
            var id = Guid.NewGuid();
            var bag = PluginItemMapper.ToProperties(id, Entry("rtmp://a.rtmp.youtube.com/live2/" + Key, "rtmps://live.twitch.tv/app/live_1_" + Key), _keys);

            Assert.All(bag.Values, v => Assert.DoesNotContain(Key, v));
            Assert.Equal("rtmp://a.rtmp.youtube.com:1935/live2/****\nrtmps://live.twitch.tv:443/app/****", bag[PluginItemKeys.Destinations]);
            Assert.Equal("memory:" + id.ToString("D"), bag[PluginItemKeys.KeyReference]);

            var definition = PluginItemMapper.ToDefinition(new PluginItem(id, "Lobby to YouTube", bag), _keys);
            Assert.Equal(id.ToString("D"), definition.Name);
            Assert.Equal("xprotect:" + Camera.ToString("D"), definition.Source);
            Assert.Equal(new[] { "rtmp://a.rtmp.youtube.com/live2/" + Key, "rtmps://live.twitch.tv/app/live_1_" + Key }, definition.Destinations.Select(d => d.Url));
            Assert.All(definition.Destinations, d => Assert.True(d.AllowUntrustedCertificate));
            Assert.Equal(AudioMode.Silent, definition.Audio);
            Assert.False(definition.Enabled);
        }

        [Fact]
        public void A_destination_left_masked_keeps_its_key_and_a_new_one_replaces_the_other()
        {
            var id = Guid.NewGuid();
            var first = PluginItemMapper.ToProperties(id, Entry("rtmp://h/live/" + Key, "rtmp://other/live/OLDKEY"), _keys);
            var shown = PluginItemMapper.MaskedDestinations(new PluginItem(id, "x", first));

            var second = PluginItemMapper.ToProperties(id, Entry(shown[0], "rtmp://other/live/NEWKEY"), _keys);

            Assert.Equal(new[] { "rtmp://h/live/" + Key, "rtmp://other/live/NEWKEY" }, PluginItemMapper.ToDefinition(new PluginItem(id, "x", second), _keys).Destinations.Select(d => d.Url));
        }

        [Fact]
        public void A_masked_destination_with_no_kept_key_is_refused_by_name()
        {
            var e = Assert.Throws<PluginItemException>(() => PluginItemMapper.ToProperties(Guid.NewGuid(), Entry("rtmp://h:1935/live/****"), _keys));
            Assert.Equal("destinations[0]", e.Errors.Single().Property);
        }

        [Theory]
        [InlineData(PluginItemKeys.CameraId, "not-a-guid", "cameraId must be a camera's id (a GUID)")]
        [InlineData(PluginItemKeys.Enabled, "yes", "enabled must be true or false")]
        [InlineData(PluginItemKeys.AllowUntrustedCertificate, "1", "allowUntrustedCertificate must be true or false")]
        [InlineData(PluginItemKeys.Audio, "Loud", "audio must be Auto, Passthrough, Silent or None")]
        [InlineData(PluginItemKeys.Audio, "2", "audio must be Auto, Passthrough, Silent or None")]
        [InlineData(PluginItemKeys.Destinations, "", "destinations must list 1–8 destinations")]
        [InlineData(PluginItemKeys.Destinations, "rtmp://elsewhere:1935/live/****", "keyReference does not hold the keys of these destinations: enter the URLs again")]
        [InlineData(PluginItemKeys.KeyReference, "", "keyReference is missing: the stream keys were never entered")]
        public void A_broken_property_is_named_in_the_error(string key, string value, string expected)
        {
            var id = Guid.NewGuid();
            var bag = PluginItemMapper.ToProperties(id, Entry("rtmp://h/live/" + Key), _keys);
            bag[key] = value;

            var e = Assert.Throws<PluginItemException>(() => PluginItemMapper.ToDefinition(new PluginItem(id, "x", bag), _keys));

            Assert.Equal(expected, e.Message);
            Assert.DoesNotContain(Key, e.Message);
        }

        [Fact]
        public void A_bad_url_is_refused_without_being_quoted()
        {
            var e = Assert.Throws<PluginItemException>(() => PluginItemMapper.ToProperties(Guid.NewGuid(), Entry("rtmp://user:" + Key + "@h/live/x", "http://h/" + Key), _keys));

            Assert.Equal(new[] { "destinations[0]", "destinations[1]" }, e.Errors.Select(x => x.Property));
            Assert.DoesNotContain(Key, e.Message);
        }

        [Fact]
        public void An_entry_without_camera_or_destination_is_refused_and_nothing_kept()
        {
            var id = Guid.NewGuid();
            var e = Assert.Throws<PluginItemException>(() => PluginItemMapper.ToProperties(id, new PluginItemEntry(), _keys));

            Assert.Equal(new[] { PluginItemKeys.CameraId, PluginItemKeys.Destinations }, e.Errors.Select(x => x.Property));
            Assert.Null(_keys.Load(id));
        }

        [Fact]
        public void Missing_flags_take_their_defaults()
        {
            var id = Guid.NewGuid();
            _keys.Save(id, new[] { "rtmp://h/live/k" + Key });
            var bag = new Dictionary<string, string>
            {
                [PluginItemKeys.CameraId] = Camera.ToString(),
                [PluginItemKeys.Destinations] = "rtmp://h:1935/live/****",
                [PluginItemKeys.KeyReference] = "memory:x",
            };

            var definition = PluginItemMapper.ToDefinition(new PluginItem(id, "x", bag), _keys);

            Assert.True(definition.Enabled);
            Assert.Equal(AudioMode.Auto, definition.Audio);
            Assert.False(definition.Destinations[0].AllowUntrustedCertificate);
        }

        private static PluginItemEntry Entry(params string[] urls) => new PluginItemEntry
        {
            CameraId = Camera,
            CameraName = "Lobby",
            Destinations = urls.ToList(),
            AllowUntrustedCertificate = true,
            Enabled = false,
            Audio = AudioMode.Silent,
        };
    }
}
