using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.XProtect.Driver;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Driver
{
    public sealed class RtmpDriverStatusApiTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task The_driver_serves_the_status_api_that_get_rtmp_ingest_reads_and_moves_it_with_the_setting()
        {
            var settings = new DriverSettings { Port = FreePort.Get(), StatusApiPort = FreePort.Get() };
            await using var driver = RtmpDriver.Start(settings, address: IPAddress.Loopback);

            Assert.Equal(new Uri("http://127.0.0.1:" + settings.StatusApiPort), driver.StatusApi);
            using (var client = new StatusApiClient(driver.StatusApi))
            {
                var status = await client.GetServerStatusAsync(Cancel());
                Assert.Empty(status.Streams);
            }

            var moved = new DriverSettings { Port = settings.Port, StatusApiPort = FreePort.Get() };
            driver.ApplySettings(moved);

            using (var client = new StatusApiClient(driver.StatusApi))
            {
                Assert.Equal(moved.StatusApiPort, driver.StatusApi!.Port);
                Assert.NotNull(await client.GetServerStatusAsync(Cancel()));
            }

            using var old = new StatusApiClient(new Uri("http://127.0.0.1:" + settings.StatusApiPort));
            await Assert.ThrowsAsync<StatusApiException>(() => old.GetServerStatusAsync(Cancel()));
        }

        [Fact]
        public async Task A_taken_status_port_leaves_the_driver_without_an_api_but_serving_rtmp()
        {
            var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            try
            {
                var settings = new DriverSettings { Port = FreePort.Get(), StatusApiPort = ((IPEndPoint)taken.LocalEndpoint).Port };
                await using var driver = RtmpDriver.Start(settings, address: IPAddress.Loopback);

                Assert.Null(driver.StatusApi);
                using var rtmp = new TcpClient();
                await rtmp.ConnectAsync(IPAddress.Loopback, settings.Port).WaitAsync(Timeout);
            }
            finally
            {
                taken.Stop();
            }
        }

        [Fact]
        public async Task Port_zero_serves_no_api()
        {
            await using var driver = RtmpDriver.Start(new DriverSettings { Port = FreePort.Get(), StatusApiPort = 0 }, address: IPAddress.Loopback);

            Assert.Null(driver.StatusApi);
        }

        private static CancellationToken Cancel() => new CancellationTokenSource(Timeout).Token;
    }
}
