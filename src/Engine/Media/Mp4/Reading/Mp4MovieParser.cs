using System;
using System.Collections.Generic;
using static RtmpXProtect.Engine.Media.Mp4.Reading.Mp4BoxReader;

namespace RtmpXProtect.Engine.Media.Mp4.Reading
{
    /// <summary>
    /// The tracks of a movie box RTMP can carry: the first video track (H.264 or H.265) and the
    /// first audio track (AAC), each with its samples when the file is progressive, and the
    /// fragment defaults of mvex/trex when it is fragmented (ISO 14496-12 §8.8.3).
    /// </summary>
    internal static class Mp4MovieParser
    {
        public static List<Mp4ReadTrack> Read(ReadOnlySpan<byte> moov, long fileLength, out bool fragmented)
        {
            var tracks = new List<Mp4ReadTrack>();
            Mp4ReadTrack? video = null, audio = null;
            fragmented = TryChild(moov, "mvex", out var mvex);
            foreach (var (type, at, count) in Children(moov))
            {
                if (type != "trak")
                {
                    continue;
                }

                var track = Track(moov.Slice(at, count), fileLength);
                if (track == null || (track.Entry.IsAudio ? audio : video) != null)
                {
                    continue;
                }

                if (track.Entry.IsAudio)
                {
                    audio = track;
                }
                else
                {
                    video = track;
                }
            }

            // Video first: its sequence header leads, and it leads the interleaving of equal times.
            foreach (var track in new[] { video, audio })
            {
                if (track != null)
                {
                    tracks.Add(track);
                }
            }

            if (fragmented)
            {
                foreach (var (type, at, count) in Children(mvex))
                {
                    if (type == "trex")
                    {
                        var trex = mvex.Slice(at, count);
                        uint id = UInt32(trex, 4);
                        var track = tracks.Find(t => t.Id == id);
                        if (track != null)
                        {
                            track.DefaultDuration = UInt32(trex, 12);
                            track.DefaultSize = UInt32(trex, 16);
                            track.DefaultFlags = UInt32(trex, 20);
                        }
                    }
                }
            }

            return tracks;
        }

        // trak → tkhd (id), mdia → mdhd (timescale), hdlr, minf → stbl → stsd and the sample tables.
        private static Mp4ReadTrack? Track(ReadOnlySpan<byte> trak, long fileLength)
        {
            if (!TryChild(trak, "tkhd", out var tkhd) || !TryChild(trak, "mdia", out var mdia)
                || !TryChild(mdia, "mdhd", out var mdhd) || !TryChild(mdia, "minf", out var minf)
                || !TryChild(minf, "stbl", out var stbl) || !TryChild(stbl, "stsd", out var stsd))
            {
                return null;
            }

            var entry = Mp4SampleEntry.Read(stsd);
            if (entry == null)
            {
                return null;
            }

            uint id = UInt32(tkhd, Version(tkhd) == 1 ? 20 : 12);
            uint timescale = UInt32(mdhd, Version(mdhd) == 1 ? 20 : 12);
            if (timescale == 0)
            {
                throw new MediaFormatException($"Track {id} has a timescale of 0.");
            }

            var track = new Mp4ReadTrack(id, timescale, entry);
            if (TryChild(stbl, "stsz", out _))
            {
                Mp4SampleTable.Read(stbl, fileLength, track.Pending);
            }

            return track;
        }
    }
}
