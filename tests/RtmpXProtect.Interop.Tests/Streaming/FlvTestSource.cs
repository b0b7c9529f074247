using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Interop.Tests.Streaming;

/// <summary>
/// An FLV file read in real time, once (tests only; the product's looping MediaFileSource replaces
/// it). The timing is the source's job, as a camera's would be.
/// </summary>
public sealed class FlvTestSource : IFrameSource
{
    private readonly string _path;

    public FlvTestSource(string path)
    {
        _path = path;
    }

    public string Description => "file " + Path.GetFileName(_path);

    public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tags = new List<FlvTag>();
        using (var file = File.OpenRead(_path))
        {
            var reader = new FlvReader(file, WireLimits.Default);
            while (reader.ReadTag() is FlvTag tag)
            {
                tags.Add(tag);
            }
        }

        var clock = Stopwatch.StartNew();
        foreach (var tag in tags)
        {
            var type = tag.Type switch
            {
                FlvTagType.Audio => MessageType.Audio,
                FlvTagType.Video => MessageType.Video,
                _ => MessageType.DataAmf0,
            };
            var due = tag.Timestamp - clock.ElapsedMilliseconds;
            if (due > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(due), cancellationToken);
            }

            yield return MediaFrame.From(new RtmpMessage(type, tag.Timestamp, 1, tag.Body));
        }
    }

    public ValueTask DisposeAsync() => default;
}
