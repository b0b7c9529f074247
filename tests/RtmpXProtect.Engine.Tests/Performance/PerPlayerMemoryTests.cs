using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Engine.Tests.Performance
{
    /// <summary>
    /// What an idle player costs the server in managed memory. The clients run in this process but
    /// keep nothing except their Socket once playing, so their share (a Socket and its handle, a few
    /// hundred bytes) is counted against the server: the figure errs on the high side.
    /// </summary>
    [Collection(SoloCollection.Name)]
    public class PerPlayerMemoryTests
    {
        private const int Players = 200;

        // The target is 64 KiB of RSS per player; native socket state, kernel-side bookkeeping the
        // process pays for and runtime overhead need part of that, so the managed share is held to
        // well under half. Measured: about 17 KiB, of which about 2.8 KiB is the two Socket objects.
        private const long MaxManagedBytesPerPlayer = 24 * 1024;

        private readonly ITestOutputHelper _output;

        public PerPlayerMemoryTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task Two_hundred_idle_players_cost_the_server_at_most_24_KiB_each_in_managed_memory()
        {
            await using var server = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Admission = RtmpXProtect.Engine.Tests.Server.LoopbackAdmission.Generous() });
            server.Start();
            var buffer = new byte[64 * 1024];
            var sockets = new List<Socket>(Players);
            try
            {
                // Warm up: JIT, pools, the stream entry and the hub's tables exist before the baseline.
                for (var i = 0; i < 4; i++)
                {
                    using var warm = await IdlePlayer.PlayAsync(server, "idle", buffer);
                }

                await WaitUntil(() => server.ConnectionCount == 0 && server.Hub.Find("live/idle") == null);
                var before = GC.GetTotalMemory(forceFullCollection: true);

                for (var i = 0; i < Players; i++)
                {
                    sockets.Add(await IdlePlayer.PlayAsync(server, "idle", buffer));
                }

                await WaitUntil(() => server.Hub.Find("live/idle")?.SinkCount == Players);
                var after = GC.GetTotalMemory(forceFullCollection: true);
                var perPlayer = (after - before) / Players;
                _output.WriteLine($"{Players} idle players: {after - before} bytes managed, {perPlayer} bytes each");
                Assert.True(perPlayer <= MaxManagedBytesPerPlayer, $"An idle player costs {perPlayer} bytes of managed memory; the budget is {MaxManagedBytesPerPlayer}.");
            }
            finally
            {
                foreach (var socket in sockets)
                {
                    socket.Dispose();
                }
            }
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "The server did not reach the expected state.");
                await Task.Delay(10);
            }
        }
    }
}
