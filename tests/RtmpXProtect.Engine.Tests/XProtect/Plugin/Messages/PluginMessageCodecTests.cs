using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin.Messages
{
    public class PluginMessageCodecTests
    {
        private const string Key = "live_1_SECRET-KEY-42";

        [Fact]
        public void A_save_request_round_trips_with_its_entry()
        {
            var request = Save();

            var back = PluginMessageCodec.DecodeRequest(PluginMessageCodec.Encode(request));

            Assert.Equal(request.Id, back.Id);
            Assert.Equal(PluginRequestKind.Save, back.Kind);
            Assert.Equal(request.ItemId, back.ItemId);
            Assert.Equal(request.Entry!.CameraId, back.Entry!.CameraId);
            Assert.Equal("Lobby", back.Entry.CameraName);
            Assert.Equal(request.Entry.Destinations, back.Entry.Destinations);
            Assert.True(back.Entry.AllowUntrustedCertificate);
            Assert.False(back.Entry.Enabled);
            Assert.Equal(AudioMode.Silent, back.Entry.Audio);
        }

        [Theory]
        [InlineData(PluginRequestKind.Delete)]
        [InlineData(PluginRequestKind.State)]
        [InlineData(PluginRequestKind.LiveLog)]
        public void Requests_without_an_entry_round_trip(PluginRequestKind kind)
        {
            var request = new PluginRequest { Id = Guid.NewGuid(), Kind = kind, ItemId = Guid.NewGuid(), After = 17 };

            var back = PluginMessageCodec.DecodeRequest(PluginMessageCodec.Encode(request));

            Assert.Equal(request.Id, back.Id);
            Assert.Equal(kind, back.Kind);
            Assert.Equal(request.ItemId, back.ItemId);
            Assert.Equal(17, back.After);
            Assert.Null(back.Entry);
        }

        [Fact]
        public void Requests_are_camel_case_with_enums_by_name()
        {
            var text = PluginMessageCodec.Encode(Save());

            Assert.Contains("\"kind\":\"Save\"", text);
            Assert.Contains("\"itemId\":", text);
            Assert.Contains("\"audio\":\"Silent\"", text);
            Assert.Contains("\"cameraName\":\"Lobby\"", text);
        }

        [Fact]
        public void A_save_answer_round_trips_its_properties()
        {
            var answer = new PluginAnswer { Id = Guid.NewGuid(), Properties = new Dictionary<string, string> { [PluginItemKeys.CameraId] = Guid.NewGuid().ToString("D"), [PluginItemKeys.Destinations] = "rtmp://h:1935/live/****" } };

            var back = PluginMessageCodec.DecodeAnswer(PluginMessageCodec.Encode(answer));

            Assert.Equal(answer.Id, back.Id);
            Assert.Equal(answer.Properties, back.Properties);
            Assert.Null(back.Error);
            Assert.Null(back.Errors);
            Assert.Null(back.State);
            Assert.Null(back.Lines);
        }

        [Fact]
        public void A_rules_answer_round_trips_its_errors()
        {
            var answer = new PluginAnswer { Id = Guid.NewGuid(), Errors = new List<PluginPropertyError> { new PluginPropertyError("destinations[1]", "must be an rtmp:// URL"), new PluginPropertyError(PluginItemKeys.CameraId, "must name a camera") } };

            var back = PluginMessageCodec.DecodeAnswer(PluginMessageCodec.Encode(answer));

            Assert.Equal(new[] { "destinations[1] must be an rtmp:// URL", "cameraId must name a camera" }, back.Errors!.Select(e => e.ToString()));
        }

        [Fact]
        public void An_error_answer_round_trips_its_sentence()
        {
            var answer = new PluginAnswer { Id = Guid.NewGuid(), Error = "The Event Server could not keep the item's stream keys." };

            Assert.Equal(answer.Error, PluginMessageCodec.DecodeAnswer(PluginMessageCodec.Encode(answer)).Error);
        }

        [Theory]
        [InlineData(ItemOperationalState.Ok, null)]
        [InlineData(ItemOperationalState.Warning, "rtmp://h:1935/live/****: connection refused")]
        [InlineData(ItemOperationalState.Error, "source stalled")]
        [InlineData(ItemOperationalState.Disabled, null)]
        public void A_state_answer_round_trips_state_and_reason(ItemOperationalState state, string? reason)
        {
            var text = PluginMessageCodec.Encode(new PluginAnswer { Id = Guid.NewGuid(), State = new ItemState(state, reason) });

            var back = PluginMessageCodec.DecodeAnswer(text);

            Assert.Contains("\"state\":\"" + state + "\"", text);
            Assert.Equal(state, back.State!.State);
            Assert.Equal(reason, back.State.Reason);
        }

        [Fact]
        public void A_state_answer_for_an_unknown_item_round_trips_as_no_state()
        {
            Assert.Null(PluginMessageCodec.DecodeAnswer(PluginMessageCodec.Encode(new PluginAnswer { Id = Guid.NewGuid() })).State);
        }

        [Fact]
        public void A_live_log_answer_round_trips_its_lines()
        {
            var lines = new List<LogLine>
            {
                new LogLine(41, new DateTimeOffset(2026, 12, 3, 8, 0, 0, 125, TimeSpan.Zero), "INF", "08:00:00.125 INF connected"),
                new LogLine(42, new DateTimeOffset(2026, 12, 3, 8, 0, 1, TimeSpan.FromHours(1)), "WRN", "08:00:01.000 WRN slow \"quoted\" ünïcode ✓"),
            };

            var back = PluginMessageCodec.DecodeAnswer(PluginMessageCodec.Encode(new PluginAnswer { Id = Guid.NewGuid(), Lines = lines }));

            Assert.Equal(lines, back.Lines);
        }

        [Fact]
        public void An_empty_live_log_round_trips_as_no_lines()
        {
            Assert.Empty(PluginMessageCodec.DecodeAnswer(PluginMessageCodec.Encode(new PluginAnswer { Id = Guid.NewGuid(), Lines = new List<LogLine>() })).Lines!);
        }

        [Fact]
        public void Members_this_version_does_not_know_are_skipped()
        {
            var id = Guid.NewGuid();

            var back = PluginMessageCodec.DecodeRequest("{\"id\":\"" + id + "\",\"kind\":\"State\",\"itemId\":\"" + id + "\",\"newer\":{\"x\":[1,2]}}");

            Assert.Equal(PluginRequestKind.State, back.Kind);
        }

        [Fact]
        public void A_request_never_shows_its_urls_in_to_string()
        {
            var request = Save();

            var shown = request.ToString();

            Assert.DoesNotContain(Key, shown);
            Assert.DoesNotContain("rtmp", shown);
            Assert.Equal("Save " + request.ItemId.ToString("D"), shown);
        }

        [Fact]
        public void A_live_log_request_shows_where_it_follows_from()
        {
            var request = new PluginRequest { Id = Guid.NewGuid(), Kind = PluginRequestKind.LiveLog, ItemId = Guid.NewGuid(), After = 9 };

            Assert.Equal("LiveLog " + request.ItemId.ToString("D") + " after 9", request.ToString());
        }

        [Fact]
        public void Encoding_a_request_longer_than_the_limit_is_refused()
        {
            var request = Save();
            request.Entry!.CameraName = new string('x', PluginMessageCodec.MaxLength);

            Assert.Throws<PluginMessageException>(() => PluginMessageCodec.Encode(request));
        }

        internal static PluginRequest Save() => new PluginRequest
        {
            Id = Guid.NewGuid(),
            Kind = PluginRequestKind.Save,
            ItemId = Guid.NewGuid(),
            Entry = new PluginItemEntry
            {
                CameraId = Guid.NewGuid(),
                CameraName = "Lobby",
                Destinations = new List<string> { "rtmp://a.rtmp.youtube.com/live2/" + Key, "rtmps://live.twitch.tv/app/" + Key },
                AllowUntrustedCertificate = true,
                Enabled = false,
                Audio = AudioMode.Silent,
            },
        };
    }
}
