using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Hooks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Server;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Hooks
{
    public class HookDispatcherTests
    {
        private static readonly StreamEvent Started = new StreamEvent(StreamEventKind.StreamStarted, "live/cam1", "127.0.0.1", 7, "h264", 320, 240, "AAC-LC", 0, null, DateTimeOffset.UtcNow, TimeSpan.Zero);

        [Fact]
        public async Task A_webhook_that_fails_twice_gets_a_third_signed_attempt_with_the_event_json()
        {
            var port = FreePort.Get();
            using var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            var secret = Encoding.UTF8.GetBytes("hook-secret");
            var options = new HookOptions();
            options.Webhooks.Add(new WebhookTarget(new Uri($"http://user:pw@127.0.0.1:{port}/hook?token=t0k3n")) { Secret = secret, FirstRetryDelay = TimeSpan.FromMilliseconds(50) });
            var log = new LogCapture();
            var dispatcher = new HookDispatcher(options, log.Logger);

            dispatcher.Post(Started);
            var bodies = new List<(string Body, string? Signature)>();
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var context = await listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(20));
                using var reader = new StreamReader(context.Request.InputStream);
                bodies.Add((await reader.ReadToEndAsync(), context.Request.Headers["X-Rtmpx-Signature"]));
                context.Response.StatusCode = attempt < 3 ? 503 : 204;
                context.Response.Close();
            }

            await log.WaitFor(l => l.Contains("took")).WaitAsync(TimeSpan.FromSeconds(20));
            await dispatcher.StopAsync();
            Assert.Equal(3, bodies.Count);
            using var json = JsonDocument.Parse(bodies[2].Body);
            Assert.Equal("streamStarted", json.RootElement.GetProperty("event").GetString());
            Assert.Equal("h264", json.RootElement.GetProperty("videoCodec").GetString());
            Assert.Equal(320, json.RootElement.GetProperty("width").GetInt32());
            Assert.Equal(WebhookSender.Signature(secret, Encoding.UTF8.GetBytes(bodies[2].Body)), bodies[2].Signature);
            Assert.DoesNotContain(log.Lines, l => l.Contains("t0k3n") || l.Contains("pw@") || l.Contains("hook-secret"));
        }

        [Fact]
        public async Task A_command_hook_gets_the_event_json_on_stdin_with_its_arguments_passed_verbatim()
        {
            var file = Path.Combine(Path.GetTempPath(), "rtmpx-hook-" + Guid.NewGuid().ToString("N") + " it's.json");
            var options = new HookOptions();
            var hook = new CommandHookTarget("/bin/sh");
            hook.Arguments.Add("-c");
            hook.Arguments.Add("cat > \"$1\"");
            hook.Arguments.Add("sh");
            hook.Arguments.Add(file);
            options.Commands.Add(hook);
            var log = new LogCapture();
            var dispatcher = new HookDispatcher(options, log.Logger);

            dispatcher.Post(Started);
            await dispatcher.StopAsync();

            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                Assert.Equal("live/cam1", json.RootElement.GetProperty("path").GetString());
                Assert.Equal(7, json.RootElement.GetProperty("sessionId").GetInt64());
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public async Task A_hanging_command_hook_is_killed_on_timeout_and_the_server_keeps_streaming()
        {
            var log = new LogCapture();
            var options = new HookOptions();
            var hook = new CommandHookTarget("/bin/sh") { Timeout = TimeSpan.FromSeconds(1) };
            hook.Arguments.Add("-c");
            hook.Arguments.Add("echo hanging >&2; exec sleep 60");
            options.Commands.Add(hook);
            await using var server = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Admission = LoopbackAdmission.Generous(), Hooks = options }, log.Logger);
            server.Start();
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            await using var player = await RtmpServerTests.Play(server, "cam1");

            await RtmpServerTests.SendStream(publisher, 1, gops: 1);
            Assert.Equal(8, (await RtmpServerTests.ReadFrames(player, 8)).Count);
            var killed = await log.WaitFor(l => l.Contains("killed")).WaitAsync(TimeSpan.FromSeconds(20));
            await RtmpServerTests.SendStream(publisher, 2, gops: 1, firstTimestamp: 2000);

            Assert.Contains("hanging", killed);
            Assert.Equal(8, (await RtmpServerTests.ReadFrames(player, 8)).Count);
        }

        [Fact]
        public void Arguments_are_quoted_so_the_runtime_splits_them_back_unchanged()
        {
            var line = CommandLineArguments.Join(new[] { "a b", "q\"uote", "back\\", "x\\\"y", string.Empty });

            Assert.Equal("\"a b\" \"q\\\"uote\" \"back\\\\\" \"x\\\\\\\"y\" \"\"", line);
        }
    }
}
