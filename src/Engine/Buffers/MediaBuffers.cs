using System;
using System.Threading;

namespace RtmpXProtect.Engine.Buffers
{
    /// <summary>
    /// How the engine allocates the arrays it pools for media for the life of the process (payloads,
    /// chunks, read buffers, GOP cache slabs). The engine targets .NET Standard 2.0, where arrays are
    /// ordinary objects; a host on .NET 5 or later should call
    /// <c>MediaBuffers.AllocateWith(n =&gt; GC.AllocateUninitializedArray&lt;byte&gt;(n, pinned: true))</c>
    /// before it starts a server, so a collection never copies them.
    /// </summary>
    public static class MediaBuffers
    {
        private static Func<int, byte[]> _allocate = length => new byte[length];

        /// <summary>
        /// Allocates pooled media arrays with <paramref name="allocate"/> from now on, which must return
        /// an array of exactly the length asked for; arrays already pooled stay.
        /// </summary>
        public static void AllocateWith(Func<int, byte[]> allocate)
            => Volatile.Write(ref _allocate, allocate ?? throw new ArgumentNullException(nameof(allocate)));

        internal static byte[] Allocate(int length) => Volatile.Read(ref _allocate)(length);
    }
}
