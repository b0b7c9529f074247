using System;
using System.Collections.Generic;
using System.IO;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Bench.Load.Publishing;

/// <summary>
/// An FLV file read once into memory: the headers a publisher sends once (metadata, sequence
/// headers) and the frames it loops, with timestamps rebased to 0.
/// </summary>
internal sealed class MediaFile
{
    private MediaFile(IReadOnlyList<RtmpMessage> headers, IReadOnlyList<RtmpMessage> frames, uint loopMilliseconds, long bytesPerLoop)
    {
        Headers = headers;
        Frames = frames;
        LoopMilliseconds = loopMilliseconds;
        BytesPerLoop = bytesPerLoop;
    }

    public IReadOnlyList<RtmpMessage> Headers { get; }

    public IReadOnlyList<RtmpMessage> Frames { get; }

    /// <summary>How far timestamps advance per loop: the last frame's timestamp plus one video frame.</summary>
    public uint LoopMilliseconds { get; }

    /// <summary>Audio and video body bytes of one loop, for the expected rate.</summary>
    public long BytesPerLoop { get; }

    public double MediaBytesPerSecond => BytesPerLoop * 1000.0 / LoopMilliseconds;

    public static MediaFile Load(string path)
    {
        using var file = File.OpenRead(path);
        var reader = new FlvReader(file, WireLimits.Default);
        var headers = new List<RtmpMessage>();
        var frames = new List<RtmpMessage>();
        var setDataFrame = Amf0Writer.Serialize(CommandNames.SetDataFrame);
        uint? origin = null;
        uint last = 0;
        uint previousVideo = 0;
        uint videoStep = 33;
        long bytes = 0;
        while (reader.ReadTag() is FlvTag tag)
        {
            origin ??= tag.Timestamp;
            var timestamp = tag.Timestamp - origin.Value;
            switch (tag.Type)
            {
                case FlvTagType.Script:
                    var body = new byte[setDataFrame.Length + tag.Body.Length];
                    setDataFrame.CopyTo(body, 0);
                    tag.Body.CopyTo(body, setDataFrame.Length);
                    headers.Add(new RtmpMessage(MessageType.DataAmf0, 0, 0, body));
                    break;
                case FlvTagType.Audio when tag.Body.Length >= 2 && tag.Body[1] == 0:
                    headers.Add(new RtmpMessage(MessageType.Audio, 0, 0, tag.Body));
                    break;
                case FlvTagType.Video when tag.Body.Length >= 2 && tag.Body[1] == 0:
                    headers.Add(new RtmpMessage(MessageType.Video, 0, 0, tag.Body));
                    break;
                case FlvTagType.Audio:
                case FlvTagType.Video:
                    var video = tag.Type == FlvTagType.Video;
                    if (video)
                    {
                        if (timestamp > previousVideo)
                        {
                            videoStep = timestamp - previousVideo;
                        }

                        previousVideo = timestamp;
                    }

                    frames.Add(new RtmpMessage(video ? MessageType.Video : MessageType.Audio, timestamp, 0, tag.Body));
                    bytes += tag.Body.Length;
                    last = Math.Max(last, timestamp);
                    break;
            }
        }

        if (frames.Count == 0)
        {
            throw new InvalidDataException(path + " has no audio or video frames.");
        }

        return new MediaFile(headers, frames, last + videoStep, bytes);
    }

    /// <summary>True when the body is a coded H.264/HEVC keyframe.</summary>
    public static bool IsKeyframe(RtmpMessage message)
    {
        var body = message.Payload.Span;
        return message.Type == MessageType.Video && body.Length >= 2 && (body[0] >> 4) == 1 && body[1] == 1;
    }
}
