using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.XProtect.Plugin;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin.Messages
{
    public class PluginRequestChannelTests
    {
        private const string Key = "live_1_SECRET-KEY-42";
        private static readonly TimeSpan Patient = TimeSpan.FromSeconds(30);
        private readonly MemoryStreamKeyStore _keys = new MemoryStreamKeyStore();
        private readonly Guid _item = Guid.NewGuid();
        private readonly PluginRequestResponder _responder;

        public PluginRequestChannelTests()
        {
            _responder = new PluginRequestResponder(
                _keys,
                id => id == _item ? new ItemState(ItemOperationalState.Ok, null) : null,
                (id, after) => id == _item ? new[] { new LogLine(after + 1, DateTimeOffset.UnixEpoch, "INF", "line " + (after + 1)) } : Array.Empty<LogLine>());
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Every_request_is_answered_through_the_responder(bool onAnotherThread)
        {
            using var channel = Wired(onAnotherThread);

            var bag = await channel.SaveAsync(_item, Entry("rtmp://h/live/" + Key));
            var state = await channel.StateAsync(_item);
            var lines = await channel.LiveLogAsync(_item, 41);
            await channel.DeleteAsync(_item);

            Assert.Equal("rtmp://h:1935/live/****", bag[PluginItemKeys.Destinations]);
            Assert.All(bag.Values, v => Assert.DoesNotContain(Key, v));
            Assert.Equal(ItemOperationalState.Ok, state!.State);
            Assert.Equal(42, lines.Single().Sequence);
            Assert.Null(_keys.Load(_item));
            Assert.Equal(0, channel.PendingCount);
        }

        [Fact]
        public async Task An_item_the_event_server_does_not_run_has_no_state_and_no_lines()
        {
            using var channel = Wired(true);

            Assert.Null(await channel.StateAsync(Guid.NewGuid()));
            Assert.Empty(await channel.LiveLogAsync(Guid.NewGuid(), 0));
        }

        [Fact]
        public void A_blocking_caller_gets_its_answer_from_another_thread()
        {
            // The WinForms UI thread waits like this; the answer arrives on MIP's thread.
            using var channel = Wired(true);

#pragma warning disable xUnit1031 // Blocking is what this test is about.
            var state = channel.StateAsync(_item).GetAwaiter().GetResult();
#pragma warning restore xUnit1031

            Assert.Equal(ItemOperationalState.Ok, state!.State);
        }

        [Fact]
        public async Task A_save_that_breaks_rules_throws_them_by_property()
        {
            using var channel = Wired(false);

            var e = await Assert.ThrowsAsync<PluginItemException>(() => channel.SaveAsync(_item, Entry("http://h/live/" + Key)));

            Assert.Equal("destinations[0]", e.Errors.Single().Property);
            Assert.DoesNotContain(Key, e.Message);
        }

        [Fact]
        public async Task An_answer_with_an_error_throws_its_sentence()
        {
            var responder = new PluginRequestResponder(new ThrowingStreamKeyStore(), _ => null, (_, _) => Array.Empty<LogLine>());
            PluginRequestChannel? channel = null;
            channel = new PluginRequestChannel(t => channel!.Receive(responder.Respond(t)), Patient);

            var save = await Assert.ThrowsAsync<PluginMessageException>(() => channel.SaveAsync(_item, Entry("rtmp://h/live/" + Key)));
            var delete = await Assert.ThrowsAsync<PluginMessageException>(() => channel.DeleteAsync(_item));

            Assert.Equal("The Event Server could not keep the item's stream keys.", save.Message);
            Assert.Equal("The Event Server could not forget the item's stream keys.", delete.Message);
            channel.Dispose();
        }

        [Fact]
        public async Task No_answer_in_time_says_so_and_a_late_answer_is_ignored()
        {
            var sent = new List<string>();
            using var channel = new PluginRequestChannel(sent.Add, TimeSpan.FromMilliseconds(50));

            var e = await Assert.ThrowsAsync<PluginMessageException>(() => channel.StateAsync(_item));
            channel.Receive(_responder.Respond(sent.Single()));

            Assert.Equal("The Event Server did not answer within 0.05 s; is the RtmpXProtect background plugin running there?", e.Message);
            Assert.Equal(0, channel.PendingCount);
        }

        [Fact]
        public async Task Stray_duplicate_and_unreadable_answers_are_ignored()
        {
            var sent = new List<string>();
            using var channel = new PluginRequestChannel(sent.Add, Patient);
            var task = channel.StateAsync(_item);

            channel.Receive(null);
            channel.Receive("");
            channel.Receive("not json");
            channel.Receive(new string('[', PluginMessageCodec.MaxLength + 1));
            channel.Receive(PluginMessageCodec.Encode(new PluginAnswer { Id = Guid.NewGuid(), State = new ItemState(ItemOperationalState.Error, "another client's") }));
            Assert.False(task.IsCompleted);
            Assert.Equal(1, channel.PendingCount);

            var answer = _responder.Respond(sent.Single());
            channel.Receive(answer);
            channel.Receive(answer);

            Assert.Equal(ItemOperationalState.Ok, (await task)!.State);
            Assert.Equal(0, channel.PendingCount);
        }

        [Fact]
        public async Task A_cancelled_wait_throws_and_forgets_the_request()
        {
            var sent = new List<string>();
            using var channel = new PluginRequestChannel(sent.Add, Patient);
            using var cancel = new CancellationTokenSource();
            var task = channel.LiveLogAsync(_item, 0, cancel.Token);

            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
            Assert.Equal(0, channel.PendingCount);
            channel.Receive(_responder.Respond(sent.Single()));
        }

        [Fact]
        public async Task A_token_cancelled_before_asking_sends_nothing()
        {
            var sent = new List<string>();
            using var channel = new PluginRequestChannel(sent.Add, Patient);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.StateAsync(_item, new CancellationToken(true)));

            Assert.Empty(sent);
            Assert.Equal(0, channel.PendingCount);
        }

        [Fact]
        public async Task Disposing_fails_what_is_pending_and_what_comes_after()
        {
            var sent = new List<string>();
            var channel = new PluginRequestChannel(sent.Add, Patient);
            var pending = channel.StateAsync(_item);

            channel.Dispose();
            channel.Dispose();

            await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
            await Assert.ThrowsAsync<ObjectDisposedException>(() => channel.DeleteAsync(_item));
            Assert.Equal(0, channel.PendingCount);
            channel.Receive(_responder.Respond(sent.Single()));
        }

        [Fact]
        public async Task A_send_that_throws_faults_the_request_with_its_cause()
        {
            var cause = new InvalidOperationException("MIP is not logged in");
            using var channel = new PluginRequestChannel(_ => throw cause, Patient);

            var e = await Assert.ThrowsAsync<PluginMessageException>(() => channel.SaveAsync(_item, Entry("rtmp://h/live/" + Key)));

            Assert.Same(cause, e.InnerException);
            Assert.DoesNotContain(Key, e.Message);
            Assert.Equal(0, channel.PendingCount);
        }

        [Fact]
        public async Task The_caller_continues_on_its_own_thread_not_in_receive()
        {
            var sent = new List<string>();
            using var channel = new PluginRequestChannel(sent.Add, Patient);
            using var received = new ManualResetEventSlim();
            var task = channel.StateAsync(_item);

            // Inline, this would wait inside Receive for Receive to return, and time out.
            var continued = task.ContinueWith(_ => received.Wait(Patient), TaskContinuationOptions.ExecuteSynchronously);
            channel.Receive(_responder.Respond(sent.Single()));
            received.Set();

            Assert.True(await continued);
        }

        [Fact]
        public async Task The_sent_request_is_a_request_text_with_a_fresh_id_each_time()
        {
            var sent = new List<string>();
            using var channel = new PluginRequestChannel(sent.Add, TimeSpan.FromMilliseconds(20));

            await Assert.ThrowsAsync<PluginMessageException>(() => channel.StateAsync(_item));
            await Assert.ThrowsAsync<PluginMessageException>(() => channel.StateAsync(_item));

            var requests = sent.Select(PluginMessageCodec.DecodeRequest).ToList();
            Assert.All(requests, r => Assert.Equal(_item, r.ItemId));
            Assert.NotEqual(requests[0].Id, requests[1].Id);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-5)]
        public void A_timeout_that_is_not_positive_is_refused(int milliseconds)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new PluginRequestChannel(_ => { }, TimeSpan.FromMilliseconds(milliseconds)));
        }

        private PluginRequestChannel Wired(bool onAnotherThread)
        {
            PluginRequestChannel? channel = null;
            channel = new PluginRequestChannel(
                text =>
                {
                    if (onAnotherThread)
                    {
                        _ = Task.Run(() => channel!.Receive(_responder.Respond(text)));
                    }
                    else
                    {
                        channel!.Receive(_responder.Respond(text));
                    }
                },
                Patient);
            return channel;
        }

        private static PluginItemEntry Entry(params string[] destinations)
            => new PluginItemEntry { CameraId = Guid.NewGuid(), CameraName = "Lobby", Destinations = destinations.ToList() };
    }
}
