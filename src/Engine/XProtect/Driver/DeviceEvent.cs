namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>A device's "RTMP Stream Started" or "Stopped" event, as the driver raises it to the Recording Server.</summary>
    public sealed class DeviceEvent
    {
        internal DeviceEvent(int device, bool started, string publisherAddress)
        {
            Device = device;
            Started = started;
            PublisherAddress = publisherAddress;
        }

        /// <summary>The device, 1–16.</summary>
        public int Device { get; }

        /// <summary>Started, or else stopped.</summary>
        public bool Started { get; }

        /// <summary>The publisher's address (no key: the query is never part of an event).</summary>
        public string PublisherAddress { get; }
    }
}
