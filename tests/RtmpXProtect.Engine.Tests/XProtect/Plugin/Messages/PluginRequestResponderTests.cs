using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin.Messages
{
    public class PluginRequestResponderTests
    {
        private const string Key = "live_1_SECRET-KEY-42";
        private readonly MemoryStreamKeyStore _keys = new MemoryStreamKeyStore();

        [Fact]
        public void A_save_keeps_the_full_urls_and_answers_the_masked_bag_without_the_key()
        {
            var request = Save(Guid.NewGuid(), "rtmp://a.rtmp.youtube.com/live2/" + Key, "rtmps://live.twitch.tv/app/" + Key);

            var text = Responder().Respond(PluginMessageCodec.Encode(request));

            Assert.DoesNotContain(Key, text);
            var answer = PluginMessageCodec.DecodeAnswer(text);
            Assert.Equal(request.Id, answer.Id);
            Assert.Null(answer.Error);
            Assert.Null(answer.Errors);
            Assert.Equal("rtmp://a.rtmp.youtube.com:1935/live2/****\nrtmps://live.twitch.tv:443/app/****", answer.Properties![PluginItemKeys.Destinations]);
            Assert.Equal("memory:" + request.ItemId.ToString("D"), answer.Properties[PluginItemKeys.KeyReference]);
            Assert.Equal(new[] { "rtmp://a.rtmp.youtube.com/live2/" + Key, "rtmps://live.twitch.tv/app/" + Key }, _keys.Load(request.ItemId));
        }

        [Fact]
        public void A_masked_destination_saved_again_keeps_the_kept_key()
        {
            var item = Guid.NewGuid();
            var responder = Responder();
            var first = PluginMessageCodec.DecodeAnswer(responder.Respond(PluginMessageCodec.Encode(Save(item, "rtmp://h/live/" + Key))));
            var shown = PluginItemMapper.MaskedDestinations(new PluginItem(item, "x", first.Properties!)).Single();

            var second = PluginMessageCodec.DecodeAnswer(responder.Respond(PluginMessageCodec.Encode(Save(item, shown))));

            Assert.Equal(first.Properties![PluginItemKeys.Destinations], second.Properties![PluginItemKeys.Destinations]);
            Assert.Equal(first.Properties[PluginItemKeys.KeyReference], second.Properties[PluginItemKeys.KeyReference]);
            Assert.Equal(new[] { "rtmp://h/live/" + Key }, _keys.Load(item));
        }

        [Fact]
        public void A_save_that_breaks_rules_answers_them_and_keeps_nothing()
        {
            var request = Save(Guid.NewGuid(), "http://h/live/" + Key);
            request.Entry!.CameraId = Guid.Empty;

            var text = Responder().Respond(PluginMessageCodec.Encode(request));

            Assert.DoesNotContain(Key, text);
            var answer = PluginMessageCodec.DecodeAnswer(text);
            Assert.Equal(new[] { PluginItemKeys.CameraId, "destinations[0]" }, answer.Errors!.Select(e => e.Property));
            Assert.Null(answer.Properties);
            Assert.Null(answer.Error);
            Assert.Null(_keys.Load(request.ItemId));
        }

        [Fact]
        public void A_store_that_fails_is_answered_with_a_fixed_sentence_not_its_message()
        {
            var responder = new PluginRequestResponder(new ThrowingStreamKeyStore(), _ => null, (_, _) => Array.Empty<LogLine>());

            var save = responder.Respond(PluginMessageCodec.Encode(Save(Guid.NewGuid(), "rtmp://h/live/" + Key)));
            var delete = responder.Respond(PluginMessageCodec.Encode(Request(PluginRequestKind.Delete, Guid.NewGuid())));

            Assert.DoesNotContain("LEAKED", save);
            Assert.DoesNotContain(Key, save);
            Assert.Equal("The Event Server could not keep the item's stream keys.", PluginMessageCodec.DecodeAnswer(save).Error);
            Assert.DoesNotContain("LEAKED", delete);
            Assert.Equal("The Event Server could not forget the item's stream keys.", PluginMessageCodec.DecodeAnswer(delete).Error);
        }

        [Fact]
        public void A_delete_forgets_the_kept_keys()
        {
            var item = Guid.NewGuid();
            var responder = Responder();
            responder.Respond(PluginMessageCodec.Encode(Save(item, "rtmp://h/live/" + Key)));

            var answer = PluginMessageCodec.DecodeAnswer(responder.Respond(PluginMessageCodec.Encode(Request(PluginRequestKind.Delete, item))));

            Assert.Null(answer.Error);
            Assert.Null(_keys.Load(item));
        }

        [Fact]
        public void State_and_live_log_pass_the_host_through_for_the_item_asked()
        {
            var item = Guid.NewGuid();
            var lines = new List<LogLine> { new LogLine(8, DateTimeOffset.UnixEpoch, "INF", "connected"), new LogLine(9, DateTimeOffset.UnixEpoch, "WRN", "slow") };
            var asked = new List<(Guid, long)>();
            var responder = new PluginRequestResponder(
                _keys,
                id => id == item ? new ItemState(ItemOperationalState.Warning, "reconnecting") : null,
                (id, after) =>
                {
                    asked.Add((id, after));
                    return lines;
                });

            var state = PluginMessageCodec.DecodeAnswer(responder.Respond(PluginMessageCodec.Encode(Request(PluginRequestKind.State, item))));
            var unknown = PluginMessageCodec.DecodeAnswer(responder.Respond(PluginMessageCodec.Encode(Request(PluginRequestKind.State, Guid.NewGuid()))));
            var liveLog = Request(PluginRequestKind.LiveLog, item);
            liveLog.After = 7;
            var log = PluginMessageCodec.DecodeAnswer(responder.Respond(PluginMessageCodec.Encode(liveLog)));

            Assert.Equal(ItemOperationalState.Warning, state.State!.State);
            Assert.Equal("reconnecting", state.State.Reason);
            Assert.Null(unknown.State);
            Assert.Null(unknown.Error);
            Assert.Equal(lines, log.Lines);
            Assert.Equal(new[] { (item, 7L) }, asked);
        }

        [Fact]
        public void A_host_that_fails_is_answered_with_a_fixed_sentence()
        {
            var responder = new PluginRequestResponder(_keys, _ => throw new InvalidOperationException(Key), (_, _) => throw new InvalidOperationException(Key));

            var state = responder.Respond(PluginMessageCodec.Encode(Request(PluginRequestKind.State, Guid.NewGuid())));
            var log = responder.Respond(PluginMessageCodec.Encode(Request(PluginRequestKind.LiveLog, Guid.NewGuid())));

            Assert.DoesNotContain(Key, state);
            Assert.Equal("The Event Server could not tell the item's state.", PluginMessageCodec.DecodeAnswer(state).Error);
            Assert.DoesNotContain(Key, log);
            Assert.Equal("The Event Server could not read the item's live log.", PluginMessageCodec.DecodeAnswer(log).Error);
        }

        [Fact]
        public void A_live_log_too_long_for_one_answer_keeps_its_oldest_lines_and_cuts_long_ones()
        {
            var lines = Enumerable.Range(1, 40).Select(i => new LogLine(i, DateTimeOffset.UnixEpoch, "INF", new string('"', 5000))).ToList();
            var responder = new PluginRequestResponder(_keys, _ => null, (_, _) => lines);

            var text = responder.Respond(PluginMessageCodec.Encode(Request(PluginRequestKind.LiveLog, Guid.NewGuid())));

            Assert.True(text!.Length <= PluginMessageCodec.MaxLength);
            var sent = PluginMessageCodec.DecodeAnswer(text).Lines!;
            Assert.InRange(sent.Count, 1, 39);
            Assert.Equal(Enumerable.Range(1, sent.Count).Select(i => (long)i), sent.Select(l => l.Sequence));
            Assert.All(sent, l => Assert.Equal(PluginRequestResponder.MaxLineLength, l.Text.Length));
            Assert.All(sent, l => Assert.EndsWith("…", l.Text));
        }

        [Fact]
        public void A_cut_never_splits_a_surrogate_pair()
        {
            var text = new string('x', PluginRequestResponder.MaxLineLength - 2) + string.Concat(Enumerable.Repeat("😀", 10));
            var responder = new PluginRequestResponder(_keys, _ => null, (_, _) => new[] { new LogLine(1, DateTimeOffset.UnixEpoch, "INF", text) });

            var sent = PluginMessageCodec.DecodeAnswer(responder.Respond(PluginMessageCodec.Encode(Request(PluginRequestKind.LiveLog, Guid.NewGuid())))).Lines!.Single();

            Assert.Equal(new string('x', PluginRequestResponder.MaxLineLength - 2) + "…", sent.Text);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("not json")]
        [InlineData("{\"kind\":\"State\"}")]
        [InlineData("{\"id\":\"1b2c3d4e-0000-4000-8000-00000000002a\",\"kind\":\"Save\"}")]
        public void A_text_that_is_no_request_gets_no_answer(string? text)
        {
            Assert.Null(Responder().Respond(text));
        }

        private PluginRequestResponder Responder() => new PluginRequestResponder(_keys, _ => null, (_, _) => Array.Empty<LogLine>());

        private static PluginRequest Request(PluginRequestKind kind, Guid item) => new PluginRequest { Id = Guid.NewGuid(), Kind = kind, ItemId = item };

        internal static PluginRequest Save(Guid item, params string[] destinations)
        {
            var request = Request(PluginRequestKind.Save, item);
            request.Entry = new PluginItemEntry { CameraId = Guid.NewGuid(), CameraName = "Lobby", Destinations = destinations.ToList() };
            return request;
        }
    }
}
