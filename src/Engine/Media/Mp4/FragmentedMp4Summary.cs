using System;
using System.Collections.Generic;
using System.IO;
using static RtmpXProtect.Engine.Media.Mp4.Reading.Mp4BoxReader;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>
    /// What a fragmented MP4 holds, read from its boxes without its media: when it was recorded (the
    /// first producer reference time box, ISO 14496-12 §8.16.5), how long it plays (the end of its
    /// last complete fragment, per track timescale) and how many fragments play. A fragment whose
    /// data was cut off (a server killed while writing it) does not count; neither does anything
    /// after a box that does not parse.
    /// </summary>
    public sealed class FragmentedMp4Summary
    {
        /// <summary>The largest moov or moof read into memory; real ones are a few KiB.</summary>
        public const int MaxHeaderBoxBytes = 1 << 20;

        // Ten years: times beyond it are damage, and TimeSpan could not hold some of them.
        private const double MaxSeconds = 10 * 366 * 86400.0;

        private FragmentedMp4Summary(DateTimeOffset? start, TimeSpan duration, int fragments, bool whole)
        {
            Start = start;
            Duration = duration;
            Fragments = fragments;
            IsWhole = whole;
        }

        /// <summary>The wall-clock time of the first fragment, or null when the file does not say.</summary>
        public DateTimeOffset? Start { get; }

        /// <summary>How long the complete fragments play.</summary>
        public TimeSpan Duration { get; }

        /// <summary>Complete fragments (moof with all of its mdat).</summary>
        public int Fragments { get; }

        /// <summary>False when the file ends inside a box: the last fragment was being written when it stopped.</summary>
        public bool IsWhole { get; }

        /// <summary>Reads the boxes of <paramref name="input"/>, which must be seekable.</summary>
        /// <exception cref="MediaFormatException">The file does not start as an MP4 with a movie box, or a header box is malformed.</exception>
        public static FragmentedMp4Summary Read(Stream input)
        {
            var timescales = new Dictionary<uint, uint>();
            var ends = new Dictionary<uint, long>();
            var pending = new Dictionary<uint, long>();
            DateTimeOffset? start = null;
            bool sawMoov = false, whole = true, moofPending = false;
            int fragments = 0;
            long position = 0, length = input.Length;
            while (position < length)
            {
                if (!TryReadHeader(input, position, out var type, out long size, out int headerLength))
                {
                    whole = false;
                    break;
                }

                if (position == 0 && type != "ftyp")
                {
                    throw new MediaFormatException("The file does not start with an ftyp box: it is no MP4.");
                }

                if (size > length - position)
                {
                    whole = false;
                    break;
                }

                if (type == "moov" || type == "moof" || type == "prft")
                {
                    if (size > MaxHeaderBoxBytes)
                    {
                        throw new MediaFormatException($"The {type} box at byte {position} declares {size} bytes, more than the {MaxHeaderBoxBytes} a header box may have.");
                    }

                    var content = new byte[size - headerLength];
                    ReadExactly(input, content, 0, content.Length);
                    if (type == "moov")
                    {
                        ReadMovie(content, timescales);
                        sawMoov = true;
                    }
                    else if (type == "prft")
                    {
                        start ??= ReferenceTime(content, timescales);
                    }
                    else
                    {
                        pending.Clear();
                        ReadFragment(content, pending);
                        moofPending = true;
                    }
                }
                else if (type == "mdat" && moofPending)
                {
                    foreach (var end in pending)
                    {
                        ends[end.Key] = end.Value;
                    }

                    fragments++;
                    moofPending = false;
                }

                position += size;
            }

            if (!sawMoov)
            {
                throw new MediaFormatException("The file has no complete movie box.");
            }

            double seconds = 0;
            foreach (var end in ends)
            {
                if (timescales.TryGetValue(end.Key, out var timescale) && timescale > 0)
                {
                    seconds = Math.Max(seconds, end.Value / (double)timescale);
                }
            }

            if (seconds > MaxSeconds)
            {
                throw new MediaFormatException($"The fragments claim to play {seconds:0} s, more than a recording can.");
            }

            return new FragmentedMp4Summary(start, TimeSpan.FromSeconds(seconds), fragments, whole && !moofPending);
        }

        // moov → trak → (tkhd: id, mdia → mdhd: timescale).
        private static void ReadMovie(ReadOnlySpan<byte> moov, Dictionary<uint, uint> timescales)
        {
            foreach (var (type, at, count) in Children(moov))
            {
                if (type != "trak")
                {
                    continue;
                }

                var trak = moov.Slice(at, count);
                uint id = 0, timescale = 0;
                foreach (var (childType, childAt, childCount) in Children(trak))
                {
                    var child = trak.Slice(childAt, childCount);
                    if (childType == "tkhd")
                    {
                        id = UInt32(child, child.Length > 0 && child[0] == 1 ? 20 : 12);
                    }
                    else if (childType == "mdia")
                    {
                        foreach (var (mediaType, mediaAt, mediaCount) in Children(child))
                        {
                            var media = child.Slice(mediaAt, mediaCount);
                            if (mediaType == "mdhd")
                            {
                                timescale = UInt32(media, media.Length > 0 && media[0] == 1 ? 20 : 12);
                            }
                        }
                    }
                }

                timescales[id] = timescale;
            }
        }

        // moof → traf → (tfhd: id and default duration, tfdt: base time, trun: sample durations).
        private static void ReadFragment(ReadOnlySpan<byte> moof, Dictionary<uint, long> ends)
        {
            foreach (var (type, at, count) in Children(moof))
            {
                if (type != "traf")
                {
                    continue;
                }

                var traf = moof.Slice(at, count);
                uint id = 0, defaultDuration = 0;
                long time = 0;
                foreach (var (childType, childAt, childCount) in Children(traf))
                {
                    var child = traf.Slice(childAt, childCount);
                    switch (childType)
                    {
                        case "tfhd":
                            uint flags = UInt32(child, 0) & 0xFFFFFF;
                            id = UInt32(child, 4);
                            int offset = 8 + ((flags & 0x01) != 0 ? 8 : 0) + ((flags & 0x02) != 0 ? 4 : 0);
                            defaultDuration = (flags & 0x08) != 0 ? UInt32(child, offset) : 0;
                            break;
                        case "tfdt":
                            time = child.Length > 0 && child[0] == 1 ? (long)Math.Min(UInt64(child, 4), long.MaxValue / 2) : UInt32(child, 4);
                            break;
                        case "trun":
                            time = Math.Min(time + RunDuration(child, defaultDuration), long.MaxValue / 2);
                            break;
                    }
                }

                ends[id] = time;
            }
        }

        private static long RunDuration(ReadOnlySpan<byte> trun, uint defaultDuration)
        {
            uint flags = UInt32(trun, 0) & 0xFFFFFF;
            long samples = UInt32(trun, 4);
            int at = 8 + ((flags & 0x01) != 0 ? 4 : 0) + ((flags & 0x04) != 0 ? 4 : 0);
            int fields = 0;
            foreach (uint bit in new uint[] { 0x100, 0x200, 0x400, 0x800 })
            {
                fields += (flags & bit) != 0 ? 4 : 0;
            }

            if (samples * fields > trun.Length - at)
            {
                throw new MediaFormatException($"A track run declares {samples} samples, more than its box holds.");
            }

            if ((flags & 0x100) == 0)
            {
                // At most 2^32 samples of 2^32 ticks each: no overflow past 2^64, so in double.
                return (long)Math.Min(samples * (double)defaultDuration, long.MaxValue / 4);
            }

            long total = 0;
            for (long i = 0; i < samples; i++, at += fields)
            {
                total += UInt32(trun, at);
            }

            return total;
        }

        private static DateTimeOffset? ReferenceTime(ReadOnlySpan<byte> prft, Dictionary<uint, uint> timescales)
        {
            uint track = UInt32(prft, 4);
            ulong ntp = UInt64(prft, 8);
            ulong mediaTime = prft.Length > 0 && prft[0] == 1 ? UInt64(prft, 16) : UInt32(prft, 16);
            if (ntp == 0 || !timescales.TryGetValue(track, out var timescale) || timescale == 0)
            {
                return null;
            }

            var ntpEpoch = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
            double seconds = (ntp >> 32) + (ntp & 0xFFFFFFFF) / 4294967296.0 - mediaTime / (double)timescale;
            return seconds < 0 || seconds > 1e10 ? (DateTimeOffset?)null : ntpEpoch.AddSeconds(seconds);
        }
    }
}
