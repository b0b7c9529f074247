using System;
using System.IO;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Publishing
{
    public class RtmpClientEndedTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task A_server_that_goes_away_while_we_publish_faults_Ended()
        {
            var server = RtmpServerTests.Start();
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            Assert.False(publisher.Ended.IsCompleted);
            await server.DisposeAsync();
            var error = await Assert.ThrowsAnyAsync<Exception>(() => publisher.Ended.WaitAsync(Timeout));
            Assert.True(error is IOException || error is RtmpStatusException, error.GetType().Name);
        }

        [Fact]
        public async Task Closing_it_ourselves_completes_Ended_without_an_error()
        {
            await using var server = RtmpServerTests.Start();
            var publisher = await RtmpServerTests.Publish(server, "cam1");
            await publisher.CloseAsync();
            await publisher.Ended.WaitAsync(Timeout);
            Assert.True(publisher.Ended.IsCompletedSuccessfully);
        }
    }
}
