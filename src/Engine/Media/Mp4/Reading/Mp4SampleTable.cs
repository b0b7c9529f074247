using System;
using System.Collections.Generic;
using static RtmpXProtect.Engine.Media.Mp4.Reading.Mp4BoxReader;

namespace RtmpXProtect.Engine.Media.Mp4.Reading
{
    /// <summary>
    /// A progressive track's samples from its sample table box (ISO 14496-12 §8.5–8.8): sizes from
    /// stsz, chunk offsets from stco or co64, samples per chunk from stsc, decode times from stts,
    /// composition offsets from ctts and sync samples from stss (every sample when it is absent).
    /// Counts are checked against the boxes that carry them, so a lying count cannot make a loop
    /// run past its data.
    /// </summary>
    internal static class Mp4SampleTable
    {
        /// <summary>More samples than this in one track (two days at 60 fps and then some) is damage.</summary>
        public const int MaxSamples = 1 << 24;

        /// <summary>Queues the samples of <paramref name="stbl"/>, a sample table in a file of <paramref name="fileLength"/> bytes.</summary>
        public static void Read(ReadOnlySpan<byte> stbl, long fileLength, Queue<Mp4Sample> into)
        {
            var sizes = Sizes(Required(stbl, "stsz"), fileLength);
            if (sizes.Length == 0)
            {
                return;
            }

            var offsets = Offsets(stbl);
            var times = DecodeTimes(Required(stbl, "stts"), sizes.Length);
            var composition = TryChild(stbl, "ctts", out var ctts) ? CompositionOffsets(ctts, sizes.Length) : new int[sizes.Length];
            var sync = TryChild(stbl, "stss", out var stss) ? SyncSamples(stss, sizes.Length) : null;
            var stsc = Required(stbl, "stsc");
            int entries = Count(stsc, 4, 12);
            int sample = 0;
            for (int e = 0; e < entries && sample < sizes.Length; e++)
            {
                long firstChunk = UInt32(stsc, 8 + (e * 12));
                long perChunk = UInt32(stsc, 12 + (e * 12));
                long nextFirst = e + 1 < entries ? UInt32(stsc, 8 + ((e + 1) * 12)) : offsets.Length + 1L;
                if (firstChunk < 1 || nextFirst <= firstChunk && e + 1 < entries)
                {
                    throw new MediaFormatException("The stsc box's chunk numbers do not rise.");
                }

                for (long chunk = firstChunk; chunk < nextFirst && chunk <= offsets.Length && sample < sizes.Length; chunk++)
                {
                    long offset = offsets[chunk - 1];
                    for (long i = 0; i < perChunk && sample < sizes.Length; i++, sample++)
                    {
                        into.Enqueue(new Mp4Sample(offset, sizes[sample], times[sample], composition[sample], sync == null || sync[sample]));
                        offset += sizes[sample];
                    }
                }
            }
        }

        /// <summary>
        /// Refuses more samples than the file could hold at their size (a sample of 0 bytes counted
        /// as 1), or than <see cref="MaxSamples"/>: a count is checked before memory is taken for it.
        /// </summary>
        public static void Check(long count, long size, long fileLength)
        {
            if (count > MaxSamples || count * Math.Max(1, size) > fileLength)
            {
                throw new MediaFormatException($"A track declares {count} samples, more than the file holds.");
            }
        }

        private static ReadOnlySpan<byte> Required(ReadOnlySpan<byte> stbl, string type) =>
            TryChild(stbl, type, out var box) ? box : throw new MediaFormatException($"A track's sample table has no {type} box.");

        // A full box's entry count at `at`, checked against the room its entries of `width` bytes need.
        private static int Count(ReadOnlySpan<byte> box, int at, int width)
        {
            long count = UInt32(box, at);
            if (count * width > box.Length - at - 4)
            {
                throw new MediaFormatException($"A sample table box declares {count} entries, more than it holds.");
            }

            return (int)count;
        }

        private static int[] Sizes(ReadOnlySpan<byte> stsz, long fileLength)
        {
            uint constant = UInt32(stsz, 4);
            long count = UInt32(stsz, 8);
            Check(count, constant, fileLength);

            if (constant == 0)
            {
                Count(stsz, 8, 4);
            }

            var sizes = new int[count];
            for (int i = 0; i < count; i++)
            {
                long size = constant != 0 ? constant : UInt32(stsz, 12 + (i * 4));
                sizes[i] = size <= int.MaxValue ? (int)size : throw new MediaFormatException($"Sample {i + 1} declares {size} bytes.");
            }

            return sizes;
        }

        private static long[] Offsets(ReadOnlySpan<byte> stbl)
        {
            bool wide = !TryChild(stbl, "stco", out var box);
            if (wide && !TryChild(stbl, "co64", out box))
            {
                throw new MediaFormatException("A track's sample table has no stco or co64 box.");
            }

            int count = Count(box, 4, wide ? 8 : 4);
            var offsets = new long[count];
            for (int i = 0; i < count; i++)
            {
                offsets[i] = wide ? (long)Math.Min(UInt64(box, 8 + (i * 8)), long.MaxValue) : UInt32(box, 8 + (i * 4));
            }

            return offsets;
        }

        private static long[] DecodeTimes(ReadOnlySpan<byte> stts, int samples)
        {
            var times = new long[samples];
            int entries = Count(stts, 4, 8);
            long time = 0;
            int sample = 0;
            for (int e = 0; e < entries && sample < samples; e++)
            {
                long count = UInt32(stts, 8 + (e * 8));
                uint delta = UInt32(stts, 12 + (e * 8));
                for (long i = 0; i < count && sample < samples; i++)
                {
                    times[sample++] = time;
                    time += delta;
                }
            }

            // A table that stops early leaves the last samples at its end time, as players do.
            for (; sample < samples; sample++)
            {
                times[sample] = time;
            }

            return times;
        }

        private static int[] CompositionOffsets(ReadOnlySpan<byte> ctts, int samples)
        {
            var offsets = new int[samples];
            int entries = Count(ctts, 4, 8);
            int sample = 0;
            for (int e = 0; e < entries && sample < samples; e++)
            {
                long count = UInt32(ctts, 8 + (e * 8));

                // Version 0 says unsigned, but writers put negative offsets there too; both read as signed.
                int offset = unchecked((int)UInt32(ctts, 12 + (e * 8)));
                for (long i = 0; i < count && sample < samples; i++)
                {
                    offsets[sample++] = offset;
                }
            }

            return offsets;
        }

        private static bool[] SyncSamples(ReadOnlySpan<byte> stss, int samples)
        {
            var sync = new bool[samples];
            int entries = Count(stss, 4, 4);
            for (int i = 0; i < entries; i++)
            {
                long number = UInt32(stss, 8 + (i * 4));
                if (number >= 1 && number <= samples)
                {
                    sync[number - 1] = true;
                }
            }

            return sync;
        }
    }
}
