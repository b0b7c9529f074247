using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using RtmpXProtect.Engine.Media.GenericByteData;

namespace RtmpXProtect.XProtectDouble;

/// <summary>One ImageServer socket: method calls in, replies, live pictures and livepackages out.</summary>
internal sealed class ImageServerDoubleConnection : IAsyncDisposable
{
    private const int MaxRequestBytes = 64 * 1024;
    private static readonly long Epoch = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private readonly XProtectDoubleServer _owner;
    private readonly Stream _stream;
    private readonly int _number;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private DoubleCamera? _camera;
    private string? _token;
    private bool _multipart;
    private int _cursor = -1;
    private int _playbackReplies;
    private int _livePictures;
    private ushort _sequence;
    private CancellationTokenSource? _live;
    private Task _liveTask = Task.CompletedTask;

    public ImageServerDoubleConnection(XProtectDoubleServer owner, Stream stream, int number)
    {
        _owner = owner;
        _stream = stream;
        _number = number;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        while (true)
        {
            int end;
            while ((end = IndexOfBlankLine(buffer)) < 0)
            {
                if (buffer.Count > MaxRequestBytes)
                {
                    return;
                }

                int read = await _stream.ReadAsync(chunk, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            }

            var text = Encoding.UTF8.GetString(buffer.GetRange(0, end).ToArray());
            buffer.RemoveRange(0, end + 4);
            if (!await HandleAsync(XDocument.Parse(text).Root!, cancellationToken))
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _live?.Cancel();
        try
        {
            await _liveTask;
        }
        catch (Exception e) when (e is OperationCanceledException || e is IOException || e is ObjectDisposedException)
        {
        }
    }

    private async Task<bool> HandleAsync(XElement call, CancellationToken cancellationToken)
    {
        var id = Value(call, "requestid") ?? "0";
        var method = Value(call, "methodname") ?? string.Empty;
        switch (method)
        {
            case "connect":
                // TVV: connect with cameraid and connectparam id=…&connectiontoken=…; WIP: clientcapabilities/multipartdata.
                _camera = _owner.Cameras.FirstOrDefault(c => c.Id.ToString("D").Equals(Value(call, "cameraid"), StringComparison.OrdinalIgnoreCase));
                _token = TokenOf(call);
                _multipart = Value(call, "multipartdata") == "yes";
                return await ConnectAnswerAsync(id, method, cancellationToken);
            case "connectupdate":
                // TVV: connectupdate hands the socket a refreshed token; the socket goes on.
                _token = TokenOf(call);
                _owner.ConnectUpdates++;
                return await ConnectAnswerAsync(id, method, cancellationToken);
            case "live":
                if (!await AllowedAsync(id, method, cancellationToken))
                {
                    return true;
                }

                _live = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                _liveTask = LiveAsync(id, _live.Token);
                return true;
            case "stop":
                _live?.Cancel();
                await WriteXmlAsync(id, method, "<stopped>yes</stopped>", cancellationToken);
                return true;
            case "goto":
                if (!await AllowedAsync(id, method, cancellationToken))
                {
                    return true;
                }

                _cursor = Goto(long.Parse(Value(call, "time") ?? "0"));
                return await PlaybackAsync(id, cancellationToken);
            case "next":
                if (!await AllowedAsync(id, method, cancellationToken))
                {
                    return true;
                }

                _cursor = Advance(_cursor);
                return await PlaybackAsync(id, cancellationToken);
            default:
                await WriteXmlAsync(id, method, "<errorreason>Unknown method</errorreason>", cancellationToken);
                return true;
        }
    }

    private async Task<bool> ConnectAnswerAsync(string id, string method, CancellationToken cancellationToken)
    {
        if (_camera == null)
        {
            await WriteXmlAsync(id, method, "<connected>no</connected><errorreason>Camera not found</errorreason>", cancellationToken);
        }
        else if (!_owner.Tokens.RecorderValid(_token))
        {
            // OLF: a token the recorder did not issue (the OAuth JWT, an expired one) is "Security token invalid".
            await WriteXmlAsync(id, method, "<connected>no</connected><errorreason>Security token invalid</errorreason>", cancellationToken);
        }
        else
        {
            await WriteXmlAsync(id, method, "<connected>yes</connected>", cancellationToken);
        }

        return true;
    }

    // An expired token is refused until connectupdate (TVV refreshes with connectupdate for this reason).
    private async Task<bool> AllowedAsync(string id, string method, CancellationToken cancellationToken)
    {
        if (_camera != null && _owner.Tokens.RecorderValid(_token))
        {
            return true;
        }

        await WriteXmlAsync(id, method, _camera == null ? "<errorreason>Not connected</errorreason>" : "<errorreason>Security token expired</errorreason>", cancellationToken);
        return false;
    }

    // WIP: a goto into a gap answers with the last GOP before it; before the first GOP, the first.
    private int Goto(long time)
    {
        var recording = _camera!.Recording;
        int found = -1;
        for (int i = 0; i < recording.Count; i++)
        {
            if (recording[i].IsKey && recording[i].StampedTime <= time)
            {
                found = i;
            }
        }

        return found < 0 ? NextKey(-1) : found;
    }

    // WIP: at the newest recording next repeats the last GOP (or picture) and Next == Current.
    private int Advance(int cursor)
    {
        if (cursor < 0)
        {
            return NextKey(-1);
        }

        int next = _multipart ? NextKey(cursor) : cursor + 1;
        return next < 0 || next >= _camera!.Recording.Count ? cursor : next;
    }

    private int NextKey(int after)
    {
        var recording = _camera!.Recording;
        for (int i = after + 1; i < recording.Count; i++)
        {
            if (recording[i].IsKey)
            {
                return i;
            }
        }

        return -1;
    }

    private async Task<bool> PlaybackAsync(string id, CancellationToken cancellationToken)
    {
        if (_owner.Faults.ReplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(_owner.Faults.ReplyDelay, cancellationToken);
        }

        var recording = _camera!.Recording;
        if (_cursor < 0 || recording.Count == 0)
        {
            await WriteXmlAsync(id, "goto", "<errorreason>No data</errorreason>", cancellationToken);
            return true;
        }

        var pictures = _multipart ? Gop(_cursor) : new List<RecordedPicture> { recording[_cursor] };
        int after = _multipart ? NextKey(_cursor) : _cursor + 1 < recording.Count ? _cursor + 1 : -1;
        long current = recording[_cursor].StampedTime;
        long next = after < 0 ? current : recording[after].StampedTime;
        long prev = _cursor > 0 ? recording[_cursor - 1].StampedTime : current;
        var reply = Reply(id, prev, current, next, pictures);

        _playbackReplies++;
        if (_owner.Faults.DropAfterReplies > 0 && _playbackReplies > _owner.Faults.DropAfterReplies && (!_owner.Faults.DropOnce || _number == 1))
        {
            // A recorder lost mid-reply: half the bytes, then the socket closes.
            await WriteAsync(reply.AsMemory(0, reply.Length / 2), cancellationToken);
            return false;
        }

        await WriteAsync(reply, cancellationToken);
        return true;
    }

    private List<RecordedPicture> Gop(int start)
    {
        var recording = _camera!.Recording;
        var gop = new List<RecordedPicture> { recording[start] };
        for (int i = start + 1; i < recording.Count && !recording[i].IsKey; i++)
        {
            gop.Add(recording[i]);
        }

        return gop;
    }

    // WIP: live starts with the pre-buffered GOP, then pictures as the camera sends them, with a livepackage at least every 5 s.
    private async Task LiveAsync(string id, CancellationToken cancellationToken)
    {
        var feed = _camera!.Live ?? _camera.Recording;
        var offsets = DecodeOffsets(feed);
        long loop = offsets[^1] + Math.Max(1, offsets[^1] / Math.Max(1, feed.Count - 1));
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long loopStart = now - (now - Epoch) % loop;
        int position = Array.FindLastIndex(offsets, o => o <= now - loopStart);
        int index = Math.Max(0, feed.Take(position + 1).ToList().FindLastIndex(p => p.IsKey));
        long nextStatus = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (now >= nextStatus)
            {
                var status = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><livepackage><status><statustime>{now}</statustime><statusitem id=\"1\" value=\"1\"/><statusitem id=\"5\" value=\"{(_camera.Disconnected ? 1 : 0)}\"/></status></livepackage>\r\n\r\n";
                await WriteAsync(Encoding.UTF8.GetBytes(status), cancellationToken);
                nextStatus = now + (long)_owner.LiveStatusInterval.TotalMilliseconds;
            }

            long due = loopStart + offsets[index];
            if (due > now)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(due - now, Math.Max(1, nextStatus - now))), cancellationToken);
                continue;
            }

            var picture = feed[index];
            long shift = loopStart - feed[0].StampedTime;
            if (!_camera.Disconnected && _owner.Tokens.RecorderValid(_token))
            {
                var live = new RecordedPicture(picture.Codec, picture.IsKey, picture.PresentationTime + shift, picture.StampedTime + shift, picture.KeyTime + shift, picture.Payload);
                await WriteAsync(Reply(id, null, live.StampedTime, null, new List<RecordedPicture> { live }, single: true), cancellationToken);
                if (++_livePictures == _owner.Faults.DropLiveAfterPictures && (!_owner.Faults.DropOnce || _number == 1))
                {
                    _stream.Dispose();
                    return;
                }
            }

            if (++index == feed.Count)
            {
                index = 0;
                loopStart += loop;
            }
        }
    }

    private static long[] DecodeOffsets(IReadOnlyList<RecordedPicture> feed)
    {
        var offsets = new long[feed.Count];
        long max = 0;
        for (int i = 0; i < feed.Count; i++)
        {
            max = Math.Max(max, feed[i].StampedTime - feed[0].StampedTime);
            offsets[i] = max;
        }

        return offsets;
    }

    // TVV / WIP: "ImageResponse", header lines, a blank line, the body, a trailing CRLFCRLF; multipart parts between "--b0" delimiters.
    private byte[] Reply(string id, long? prev, long current, long? next, List<RecordedPicture> pictures, bool single = false)
    {
        var body = new MemoryStream();
        var header = new StringBuilder("ImageResponse\r\n");
        header.Append($"RequestId: {id}\r\n");
        if (prev != null)
        {
            header.Append($"Prev: {prev}\r\n");
        }

        header.Append($"Current: {current}\r\n");
        if (next != null)
        {
            header.Append($"Next: {next}\r\n");
        }

        header.Append("PrivacyMask: none\r\n");
        if (_multipart && !single)
        {
            header.Append("Content-type: multipart/related; boundary=b0\r\n\r\n");
            body.Write(Encoding.ASCII.GetBytes(header.ToString()));
            foreach (var picture in pictures)
            {
                var wire = picture.ToWire(_sequence++);
                body.Write(Encoding.ASCII.GetBytes($"--b0\r\nContent-length: {wire.Length}\r\n\r\n"));
                body.Write(wire);
                body.Write("\r\n"u8);
            }

            body.Write("--b0--\r\n\r\n"u8);
            return body.ToArray();
        }

        var one = pictures[0].ToWire(_sequence++);
        var type = pictures[0].Codec == GenericByteDataCodec.Jpeg ? "image/jpeg" : "application/x-genericbytedata-octet-stream";
        header.Append($"Content-type: {type}\r\nContent-length: {one.Length}\r\n\r\n");
        body.Write(Encoding.ASCII.GetBytes(header.ToString()));
        body.Write(one);
        body.Write("\r\n\r\n"u8);
        return body.ToArray();
    }

    private Task WriteXmlAsync(string id, string method, string fields, CancellationToken cancellationToken) =>
        WriteAsync(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodresponse><requestid>{id}</requestid><methodname>{method}</methodname>{fields}</methodresponse>\r\n\r\n"), cancellationToken);

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static string? TokenOf(XElement call)
    {
        var param = Value(call, "connectparam") ?? string.Empty;
        const string key = "connectiontoken=";
        int at = param.IndexOf(key, StringComparison.Ordinal);
        return at < 0 ? null : param.Substring(at + key.Length).Split('&')[0];
    }

    private static string? Value(XElement call, string name) => call.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static int IndexOfBlankLine(List<byte> buffer)
    {
        for (int i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
