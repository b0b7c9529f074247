using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.XProtectDouble;

/// <summary>Builds a camera's recording from encoded pictures, as a Recording Server would hold it.</summary>
public static class Recordings
{
    /// <summary>
    /// Pictures from an Annex B elementary stream in decode order, with the presentation times
    /// (ms from its start) the encoder gave them, starting at <paramref name="start"/> (Unix ms)
    /// and stamped as <paramref name="stamping"/> says.
    /// </summary>
    public static List<RecordedPicture> FromElementaryStream(byte[] stream, VideoCodec codec, IReadOnlyList<long> presentationTimes, long start, Stamping stamping)
    {
        var units = AccessUnitSplitter.Split(stream, codec);
        if (units.Count != presentationTimes.Count)
        {
            throw new ArgumentException($"{units.Count} access units but {presentationTimes.Count} times.");
        }

        var gbdCodec = codec == VideoCodec.Avc ? GenericByteDataCodec.H264 : GenericByteDataCodec.H265;
        var pictures = new List<RecordedPicture>(units.Count);
        long arrival = long.MinValue, keyStamp = start;
        for (int i = 0; i < units.Count; i++)
        {
            var payload = stream.AsSpan(units[i].Offset, units[i].Length).ToArray();
            long presentation = start + presentationTimes[i];

            // A picture cannot leave the encoder before the later picture it refers to.
            arrival = Math.Max(arrival, presentation);
            long stamp = stamping == Stamping.Presentation ? presentation : arrival;
            bool key = IsKey(payload, codec);
            keyStamp = key ? stamp : keyStamp;
            pictures.Add(new RecordedPicture(gbdCodec, key, presentation, stamp, keyStamp, payload));
        }

        return pictures;
    }

    /// <summary>JPEG pictures at a fixed interval from <paramref name="start"/>.</summary>
    public static List<RecordedPicture> FromJpegs(IEnumerable<byte[]> jpegs, long start, int intervalMs) =>
        jpegs.Select((jpeg, i) => new RecordedPicture(GenericByteDataCodec.Jpeg, true, start + (i * intervalMs), start + (i * intervalMs), start + (i * intervalMs), jpeg)).ToList();

    /// <summary><paramref name="pictures"/> repeated <paramref name="times"/> times back to back, each copy shifted by <paramref name="period"/> ms.</summary>
    public static List<RecordedPicture> Repeat(IReadOnlyList<RecordedPicture> pictures, int times, long period) =>
        Enumerable.Range(0, times).SelectMany(n => pictures.Select(p => Shift(p, n * period))).ToList();

    /// <summary>The recording without the GOPs whose key frame falls in [from, to): a gap, as when a camera was off.</summary>
    public static List<RecordedPicture> WithGap(IReadOnlyList<RecordedPicture> pictures, long from, long to) =>
        pictures.Where(p => p.KeyTime < from || p.KeyTime >= to).ToList();

    public static RecordedPicture Shift(RecordedPicture p, long by) =>
        new(p.Codec, p.IsKey, p.PresentationTime + by, p.StampedTime + by, p.KeyTime + by, p.Payload);

    private static bool IsKey(byte[] payload, VideoCodec codec) =>
        AnnexB.FindNalUnits(payload).Any(u => codec == VideoCodec.Avc
            ? (payload[u.Offset] & 0x1F) == 5
            : ((payload[u.Offset] >> 1) & 0x3F) is >= 16 and <= 21);
}
