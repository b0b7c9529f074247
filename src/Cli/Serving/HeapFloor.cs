using System;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>
    /// One large array the server holds for its whole life, so that its full collections can run in
    /// the background. The runtime makes a generation 2 collection blocking whenever generation 2 and
    /// the large and pinned object heaps are each under 4 MiB (<c>bgc_min_per_heap</c> and the
    /// <c>gen_gen2_too_small</c> condition in dotnet/runtime's src/coreclr/gc/gc.cpp), and a server
    /// with 50 players has some 2 MiB there: its one full collection, some 35 s after the players
    /// came, stopped every thread for 2.6-3.8 ms. Past the floor the same collection is a background
    /// one, whose two pauses measured 0.44 and 0.23 ms.
    /// The array is never written, and allocated uninitialized, so only its header's page is ever
    /// resident: idle RSS did not grow.
    /// The floor's own bytes use up the large object heap's first allocation budget, so the first
    /// collection after it would be a full one: with the media arrays pinned, that came 20-40 s
    /// after the players, inside a measured minute (0.6-3.6 ms). <see cref="Hold"/> has it now,
    /// in the background while the heap is a few objects, and it resets the budget to what lives.
    /// Idle RSS 31.4 MiB with it, 30.7 without and 31.9 with a blocking one (latency 50 runs).
    /// </summary>
    internal static class HeapFloor
    {
        /// <summary>A margin over the 4 MiB threshold, which counts the large object heap's object bytes.</summary>
        public const int Bytes = 5 * 1024 * 1024;

        private static byte[]? _floor;

        /// <summary>Allocates the floor and has the full collection it sets off, once; later calls do nothing.</summary>
        public static void Hold()
        {
            if (_floor != null)
            {
                return;
            }

            _floor = GC.AllocateUninitializedArray<byte>(Bytes);
            GC.Collect(2, GCCollectionMode.Forced, blocking: false);
        }
    }
}
