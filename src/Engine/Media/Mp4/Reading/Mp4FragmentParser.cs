using System;
using System.Collections.Generic;
using static RtmpXProtect.Engine.Media.Mp4.Reading.Mp4BoxReader;

namespace RtmpXProtect.Engine.Media.Mp4.Reading
{
    /// <summary>
    /// The samples of one movie fragment box (ISO 14496-12 §8.8.4–8.8.8, §8.8.12): each track
    /// fragment's tfhd defaults and base offset, its tfdt start time, and its track runs with
    /// their per-sample durations, sizes, flags and composition offsets.
    /// </summary>
    internal static class Mp4FragmentParser
    {
        private const uint BaseDataOffsetPresent = 0x000001;
        private const uint SampleDescriptionPresent = 0x000002;
        private const uint DefaultDurationPresent = 0x000008;
        private const uint DefaultSizePresent = 0x000010;
        private const uint DefaultFlagsPresent = 0x000020;
        private const uint DataOffsetPresent = 0x000001;
        private const uint FirstFlagsPresent = 0x000004;
        private const uint DurationPresent = 0x000100;
        private const uint SizePresent = 0x000200;
        private const uint FlagsPresent = 0x000400;
        private const uint CompositionPresent = 0x000800;

        // sample_is_non_sync_sample (§8.8.3.1).
        private const uint NonSync = 0x00010000;

        /// <summary>Appends the fragment's samples to their tracks; <paramref name="moofStart"/> is the file offset of the moof box.</summary>
        public static void Read(ReadOnlySpan<byte> moof, long moofStart, long fileLength, IReadOnlyList<Mp4ReadTrack> tracks)
        {
            foreach (var (type, at, count) in Children(moof))
            {
                if (type != "traf")
                {
                    continue;
                }

                var traf = moof.Slice(at, count);
                if (!TryChild(traf, "tfhd", out var tfhd))
                {
                    throw new MediaFormatException("A track fragment has no tfhd box.");
                }

                uint flags = UInt32(tfhd, 0) & 0xFFFFFF;
                uint id = UInt32(tfhd, 4);
                Mp4ReadTrack? track = null;
                foreach (var candidate in tracks)
                {
                    track = candidate.Id == id ? candidate : track;
                }

                if (track == null)
                {
                    continue;
                }

                int field = 8;
                long baseOffset = (flags & BaseDataOffsetPresent) != 0 ? (long)Math.Min(UInt64(tfhd, field), long.MaxValue) : moofStart;
                field += (flags & BaseDataOffsetPresent) != 0 ? 8 : 0;
                field += (flags & SampleDescriptionPresent) != 0 ? 4 : 0;
                uint duration = Default(tfhd, flags, DefaultDurationPresent, ref field, track.DefaultDuration);
                uint size = Default(tfhd, flags, DefaultSizePresent, ref field, track.DefaultSize);
                uint sampleFlags = Default(tfhd, flags, DefaultFlagsPresent, ref field, track.DefaultFlags);
                long time = track.NextFragmentTime;
                if (TryChild(traf, "tfdt", out var tfdt))
                {
                    time = Version(tfdt) == 1 ? (long)Math.Min(UInt64(tfdt, 4), long.MaxValue / 2) : UInt32(tfdt, 4);
                }

                long dataOffset = baseOffset;
                foreach (var (childType, childAt, childCount) in Children(traf))
                {
                    if (childType == "trun")
                    {
                        Run(traf.Slice(childAt, childCount), fileLength, baseOffset, ref dataOffset, ref time, duration, size, sampleFlags, track.Pending);
                    }
                }

                track.NextFragmentTime = time;
            }
        }

        private static uint Default(ReadOnlySpan<byte> tfhd, uint flags, uint bit, ref int field, uint fallback)
        {
            if ((flags & bit) == 0)
            {
                return fallback;
            }

            uint value = UInt32(tfhd, field);
            field += 4;
            return value;
        }

        private static void Run(ReadOnlySpan<byte> trun, long fileLength, long baseOffset, ref long dataOffset, ref long time, uint duration, uint size, uint sampleFlags, Queue<Mp4Sample> into)
        {
            uint flags = UInt32(trun, 0) & 0xFFFFFF;
            long samples = UInt32(trun, 4);
            int at = 8;
            if ((flags & DataOffsetPresent) != 0)
            {
                // Without it, a run's data follows the previous run's (§8.8.8.3).
                dataOffset = baseOffset + unchecked((int)UInt32(trun, at));
                at += 4;
            }

            uint? firstFlags = null;
            if ((flags & FirstFlagsPresent) != 0)
            {
                firstFlags = UInt32(trun, at);
                at += 4;
            }

            int width = 0;
            foreach (uint bit in new[] { DurationPresent, SizePresent, FlagsPresent, CompositionPresent })
            {
                width += (flags & bit) != 0 ? 4 : 0;
            }

            if (samples * width > trun.Length - at)
            {
                throw new MediaFormatException($"A track run declares {samples} samples, more than its box holds.");
            }

            Mp4SampleTable.Check(samples, (flags & SizePresent) != 0 ? 1 : size, fileLength);

            for (long i = 0; i < samples; i++)
            {
                uint sampleDuration = (flags & DurationPresent) != 0 ? Next(trun, ref at) : duration;
                uint sampleSize = (flags & SizePresent) != 0 ? Next(trun, ref at) : size;
                uint thisFlags = (flags & FlagsPresent) != 0 ? Next(trun, ref at) : i == 0 && firstFlags is uint first ? first : sampleFlags;
                int composition = (flags & CompositionPresent) != 0 ? unchecked((int)Next(trun, ref at)) : 0;
                if (sampleSize > int.MaxValue)
                {
                    throw new MediaFormatException($"A fragment's sample declares {sampleSize} bytes.");
                }

                into.Enqueue(new Mp4Sample(dataOffset, (int)sampleSize, time, composition, (thisFlags & NonSync) == 0));
                dataOffset += sampleSize;
                time = Math.Min(time + sampleDuration, long.MaxValue / 2);
            }
        }

        private static uint Next(ReadOnlySpan<byte> trun, ref int at)
        {
            uint value = UInt32(trun, at);
            at += 4;
            return value;
        }
    }
}
