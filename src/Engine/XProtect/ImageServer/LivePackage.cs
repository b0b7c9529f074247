using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// A <c>livepackage</c>: the status a live socket sends between pictures, at least every 5 s
    /// (WIP). Item meanings are not publicly documented; <see cref="CameraDisconnected"/> is the
    /// one a public client relies on.
    /// </summary>
    public sealed class LivePackage : ImageServerMessage
    {
        /// <summary>The status item a public client (WIP) reads as "camera to recorder link lost" when 1.</summary>
        public const int ConnectionLostItem = 5;

        /// <summary>Creates a package.</summary>
        public LivePackage(long? statusTime, IReadOnlyDictionary<int, long> items)
        {
            StatusTime = statusTime;
            Items = items ?? throw new ArgumentNullException(nameof(items));
        }

        /// <summary><c>statustime</c>, Unix milliseconds, when given.</summary>
        public long? StatusTime { get; }

        /// <summary>The status items by id.</summary>
        public IReadOnlyDictionary<int, long> Items { get; }

        /// <summary>True when the recorder says it has lost the camera.</summary>
        public bool CameraDisconnected => Items.TryGetValue(ConnectionLostItem, out var value) && value == 1;
    }
}
