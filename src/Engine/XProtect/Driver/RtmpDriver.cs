using System;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Serilog;

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
        private readonly object _gate = new object();
        private DriverSettings _settings;

        private RtmpDriver(RtmpServer server, DriverSettings settings, IPAddress? address)
        {
            Server = server;
            _settings = settings;
            _address = address;
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
            var driver = new RtmpDriver(server, settings, address);
            server.Start();
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
                _settings = settings;
                return result;
            }
        }

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
        public ValueTask DisposeAsync() => Server.DisposeAsync();

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
