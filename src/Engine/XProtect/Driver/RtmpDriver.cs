using System;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Status.Http;
using Serilog;
using Serilog.Core;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// What the driver's hardware is, without MIP: an engine server on the hardware's port whose
    /// paths live/stream1 … live/stream16 are its devices, each session a <see cref="DeviceFeed"/>
    /// on one of them, and a device's Started / Stopped raised from the engine's own events, so
    /// they fire whether or not the Recording Server is pulling frames.
    /// </summary>
    public sealed class RtmpDriver : IAsyncDisposable
    {
        private readonly IPAddress? _address;
        private readonly ILogger _log;
        private readonly object _gate = new object();
        private DriverSettings _settings;
        private StatusApiListener? _api;

        private RtmpDriver(RtmpServer server, DriverSettings settings, IPAddress? address, ILogger log)
        {
            Server = server;
            _settings = settings;
            _address = address;
            _log = log;
            server.StreamStarted += e => Raise(e, started: true);
            server.StreamStopped += e => Raise(e, started: false);
        }

        /// <summary>A device's publish started or stopped.</summary>
        public event Action<DeviceEvent>? DeviceEvent;

        /// <summary>The engine server behind the devices (its status API, its counters).</summary>
        public RtmpServer Server { get; }

        /// <summary>Starts listening as <paramref name="settings"/> say (on <paramref name="address"/>, all addresses by default).</summary>
        /// <exception cref="ArgumentException">The settings are not usable (the message names the setting).</exception>
        /// <exception cref="System.Net.Sockets.SocketException">The port is taken.</exception>
        public static RtmpDriver Start(DriverSettings settings, ILogger? log = null, IPAddress? address = null)
        {
            var options = DriverServerOptions.Create(settings, DriverCertificate.Load(settings), address);
            var server = new RtmpServer(options, log);
            var driver = new RtmpDriver(server, settings, address, log ?? Logger.None);
            server.Start();
            driver._api = driver.ServeApi(settings.StatusApiPort);
            return driver;
        }

        /// <summary>
        /// Applies changed settings to the running server: publishers whose key no longer
        /// matches are dropped, a changed port or TLS restarts only the listener, every other
        /// device keeps streaming.
        /// </summary>
        /// <exception cref="ArgumentException">The new settings are not usable; the old ones stay.</exception>
        public Reconfiguration ApplySettings(DriverSettings settings)
        {
            lock (_gate)
            {
                var result = Server.Reconfigure(DriverServerOptions.Create(settings, DriverCertificate.Load(settings), _address));
                if (settings.StatusApiPort != _settings.StatusApiPort)
                {
                    _api?.Dispose();
                    _api = ServeApi(settings.StatusApiPort);
                }

                _settings = settings;
                return result;
            }
        }

        /// <summary>Where the status API answers; null when it is off or its port was taken.</summary>
        public Uri? StatusApi => _api?.Address;

        /// <summary>The settings in force.</summary>
        public DriverSettings Settings => _settings;

        /// <summary>A new session's feed of device <paramref name="device"/>'s video, or its audio framed as <paramref name="framing"/> says; close it with <see cref="CloseFeed"/>.</summary>
        public DeviceFeed OpenFeed(int device, bool audio = false, Func<DateTimeOffset>? now = null, AacFraming framing = AacFraming.Adts)
        {
            var feed = new DeviceFeed(audio, DeviceFeed.DefaultCapacity, now, framing);
            Server.Hub.Subscribe(DriverSettings.PathOf(device), feed);
            return feed;
        }

        /// <summary>Ends a session's feed.</summary>
        public void CloseFeed(int device, DeviceFeed feed)
        {
            if (Server.Hub.Find(DriverSettings.PathOf(device)) is { } stream)
            {
                Server.Hub.Unsubscribe(stream, feed);
            }
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync()
        {
            lock (_gate)
            {
                _api?.Dispose();
                _api = null;
            }

            return Server.DisposeAsync();
        }

        private StatusApiListener? ServeApi(int port) => StatusApiListener.TryStart(port, new StatusApiRoutes { Server = Server.GetStatus }, _log);

        private void Raise(StreamEvent e, bool started)
        {
            int device = DriverSettings.DeviceOf(e.Path);
            if (device > 0)
            {
                DeviceEvent?.Invoke(new DeviceEvent(device, started, e.PublisherAddress));
            }
        }
    }
}
