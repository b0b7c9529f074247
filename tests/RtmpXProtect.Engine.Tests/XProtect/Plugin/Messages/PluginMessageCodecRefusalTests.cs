using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin.Messages
{
    public class PluginMessageCodecRefusalTests
    {
        private const string G = "1b2c3d4e-0000-4000-8000-00000000002a";
        private const string Marker = "SECRET";

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void No_text_is_refused_as_empty(string? text)
        {
            Assert.Equal("The plugin request is empty.", Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeRequest(text)).Message);
            Assert.Equal("The plugin answer is empty.", Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeAnswer(text)).Message);
        }

        [Fact]
        public void Every_prefix_of_a_request_is_refused_cleanly()
        {
            var text = PluginMessageCodec.Encode(PluginMessageCodecTests.Save());

            for (var length = 0; length < text.Length; length++)
            {
                var e = Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeRequest(text.Substring(0, length)));
                Assert.DoesNotContain("live_1_", e.Message);
            }
        }

        [Fact]
        public void Every_prefix_of_an_answer_is_refused_cleanly()
        {
            var answer = new PluginAnswer
            {
                Id = Guid.NewGuid(),
                Errors = new List<PluginPropertyError> { new PluginPropertyError("destinations[0]", "must be a URL") },
                Properties = new Dictionary<string, string> { ["a"] = "b" },
                State = new ItemState(ItemOperationalState.Warning, "reconnecting"),
                Lines = new List<LogLine> { new LogLine(1, DateTimeOffset.UnixEpoch, "INF", "started") },
            };
            var text = PluginMessageCodec.Encode(answer);

            for (var length = 0; length < text.Length; length++)
            {
                Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeAnswer(text.Substring(0, length)));
            }
        }

        [Fact]
        public void A_text_one_over_the_limit_is_refused_for_its_length_and_one_at_it_is_read()
        {
            var text = PluginMessageCodec.Encode(new PluginRequest { Id = Guid.NewGuid(), Kind = PluginRequestKind.State, ItemId = Guid.NewGuid() });
            var atLimit = text + new string(' ', PluginMessageCodec.MaxLength - text.Length);

            Assert.Equal(PluginRequestKind.State, PluginMessageCodec.DecodeRequest(atLimit).Kind);
            var e = Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeRequest(atLimit + " "));
            Assert.Equal("The plugin request is longer than 65536 characters.", e.Message);
            Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeAnswer(new string('[', PluginMessageCodec.MaxLength + 1)));
        }

        [Fact]
        public void Nesting_up_to_the_limit_is_read_and_deeper_is_refused()
        {
            string Nested(int arrays) => "{\"id\":\"" + G + "\",\"kind\":\"State\",\"newer\":" + new string('[', arrays) + new string(']', arrays) + "}";

            Assert.Equal(PluginRequestKind.State, PluginMessageCodec.DecodeRequest(Nested(PluginMessageCodec.MaxDepth - 1)).Kind);
            var e = Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeRequest(Nested(PluginMessageCodec.MaxDepth)));
            Assert.Equal("The plugin request is nested deeper than 16 levels.", e.Message);
        }

        [Fact]
        public void Nesting_as_deep_as_the_limit_allows_is_refused_without_overflowing_the_stack()
        {
            var half = PluginMessageCodec.MaxLength / 2;

            var e = Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeAnswer(new string('[', half) + new string(']', half)));

            Assert.Equal("The plugin answer is nested deeper than 16 levels.", e.Message);
        }

        [Theory]
        [InlineData("not json", "The plugin request is not JSON.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"State\"}{}", "The plugin request is not JSON.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"State\"} x", "The plugin request is not JSON.")]
        [InlineData("{/* SECRET */\"id\":\"" + G + "\",\"kind\":\"State\"}", "The plugin request is not JSON.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"State\",}", "The plugin request is not JSON.")]
        [InlineData("{'id':'" + G + "'}", "The plugin request is not JSON.")]
        [InlineData("null", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("[]", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("\"SECRET\"", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("42", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":5,\"kind\":\"State\"}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"SECRET\",\"kind\":\"State\"}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"SECRET\"}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":7}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"7\"}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"LiveLog\",\"after\":\"SECRET\"}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"LiveLog\",\"after\":\"5\"}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"entry\":{\"destinations\":\"rtmp://h/live/SECRET\"}}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"entry\":{\"destinations\":[null]}}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"entry\":{\"destinations\":null}}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"entry\":{\"cameraName\":null}}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"entry\":{\"audio\":3}}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"entry\":{\"enabled\":\"SECRET\"}}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"entry\":[]}", "The plugin request is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"itemId\":\"" + G + "\"}", "The plugin Save request carries no item entry.")]
        [InlineData("{\"id\":\"" + G + "\",\"kind\":\"Save\",\"entry\":null}", "The plugin Save request carries no item entry.")]
        [InlineData("{\"id\":\"00000000-0000-0000-0000-000000000000\",\"kind\":\"State\"}", "The plugin request has no id.")]
        [InlineData("{\"kind\":\"State\",\"itemId\":\"" + G + "\"}", "The plugin request has no id.")]
        public void A_request_that_is_not_one_is_refused_with_a_sentence_that_quotes_nothing(string text, string? message)
        {
            var e = Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeRequest(text));

            if (message != null)
            {
                Assert.Equal(message, e.Message);
            }

            Assert.DoesNotContain(Marker, e.Message);
            Assert.Null(e.InnerException);
        }

        [Theory]
        [InlineData("[]", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"state\":{\"state\":\"SECRET\"}}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"state\":{\"state\":9}}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"state\":\"Ok\"}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"errors\":[null]}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"errors\":[{\"property\":\"cameraId\"}]}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"errors\":{\"property\":\"cameraId\",\"rule\":\"x\"}}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"properties\":{\"SECRET\":null}}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"properties\":{\"SECRET\":1}}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"properties\":[\"SECRET\"]}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"lines\":[null]}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"lines\":[{\"sequence\":1}]}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"lines\":[{\"sequence\":\"SECRET\",\"level\":\"INF\",\"text\":\"x\"}]}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"lines\":[{\"sequence\":1,\"timestamp\":\"SECRET\",\"level\":\"INF\",\"text\":\"x\"}]}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"" + G + "\",\"error\":5}", "The plugin answer is JSON but not of the expected shape.")]
        [InlineData("{\"id\":\"00000000-0000-0000-0000-000000000000\",\"error\":\"x\"}", "The plugin answer has no id.")]
        [InlineData("{\"error\":\"x\"}", "The plugin answer has no id.")]
        public void An_answer_that_is_not_one_is_refused_with_a_sentence_that_quotes_nothing(string text, string? message)
        {
            var e = Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeAnswer(text));

            if (message != null)
            {
                Assert.Equal(message, e.Message);
            }

            Assert.DoesNotContain(Marker, e.Message);
            Assert.Null(e.InnerException);
        }

        [Fact]
        public void A_lone_surrogate_is_refused_as_text_that_is_not_well_formed()
        {
            var e = Assert.Throws<PluginMessageException>(() => PluginMessageCodec.DecodeRequest("{\"id\":\"\uD800\"}"));

            Assert.Equal("The plugin request is not well-formed text.", e.Message);
        }

        [Fact]
        public void Random_and_mutated_texts_are_read_or_refused_but_never_throw_anything_else()
        {
            var random = new Random(20261203);
            var valid = new[]
            {
                PluginMessageCodec.Encode(PluginMessageCodecTests.Save()),
                PluginMessageCodec.Encode(new PluginAnswer
                {
                    Id = Guid.NewGuid(),
                    Errors = new List<PluginPropertyError> { new PluginPropertyError("cameraId", "must name a camera") },
                    Properties = new Dictionary<string, string> { ["destinations"] = "rtmp://h:1935/live/****" },
                    State = new ItemState(ItemOperationalState.Error, "failed"),
                    Lines = new List<LogLine> { new LogLine(3, DateTimeOffset.UnixEpoch, "ERR", "x") },
                }),
            };
            const string Json = "{}[]\",:0123456789.eE+-tfnrulase\\ \t\nidkindSaveerrorslines";

            for (var i = 0; i < 4000; i++)
            {
                string text;
                switch (i % 4)
                {
                    case 0:
                        text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => (char)random.Next(0, 0x10000)).ToArray());
                        break;
                    case 1:
                        var bytes = new byte[random.Next(0, 120)];
                        random.NextBytes(bytes);
                        text = Encoding.UTF8.GetString(bytes);
                        break;
                    case 2:
                        text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => Json[random.Next(Json.Length)]).ToArray());
                        break;
                    default:
                        text = Mutate(valid[random.Next(valid.Length)], random);
                        break;
                }

                var request = Record.Exception(() => PluginMessageCodec.DecodeRequest(text));
                var answer = Record.Exception(() => PluginMessageCodec.DecodeAnswer(text));

                Assert.True(request == null || request is PluginMessageException, $"case {i}: {request}");
                Assert.True(answer == null || answer is PluginMessageException, $"case {i}: {answer}");
                Assert.DoesNotContain("live_1_", request?.Message ?? string.Empty);
            }
        }

        private static string Mutate(string text, Random random)
        {
            var chars = new StringBuilder(text);
            for (var n = random.Next(1, 4); n > 0 && chars.Length > 0; n--)
            {
                var at = random.Next(chars.Length);
                switch (random.Next(3))
                {
                    case 0:
                        chars.Remove(at, 1);
                        break;
                    case 1:
                        chars.Insert(at, "{}[]\":,0-\\n"[random.Next(11)]);
                        break;
                    default:
                        chars[at] = (char)random.Next(32, 127);
                        break;
                }
            }

            return chars.ToString();
        }
    }
}
