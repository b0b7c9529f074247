using System;
using System.Buffers;
using System.Collections.Generic;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>
/// Runs mutated client sessions through what a server connection does with them (handshake,
/// session, accepting connect, publish and play, delivering media to a hub stream) and reports the
/// first input that let an undocumented exception escape. Shared by the unit test (a fixed number of
/// iterations) and bench/Fuzz (longer runs); a failure names its seed.
/// </summary>
public sealed class SessionFuzzer
{
    private readonly RecordedSession[] _corpora;

    public SessionFuzzer(RecordedSession[] corpora) => _corpora = corpora;

    /// <summary>How many inputs ended in a documented protocol or AMF exception (the peer would be closed).</summary>
    public long Rejected { get; private set; }

    /// <summary>The largest number of bytes any one input made the session buffer.</summary>
    public long MaxHeldBytes { get; private set; }

    /// <summary>
    /// The most a session ever held beyond the bytes it had been sent so far: above zero means it
    /// allocates for what a peer declares rather than for what it sends.
    /// </summary>
    public long MaxHeldBeyondInput { get; private set; } = long.MinValue;

    /// <summary>How many inputs got a publish or play accepted: the mutations reach past connect.</summary>
    public long ReachedPublishOrPlay { get; private set; }

    /// <summary>Mutates and runs the input for <paramref name="seed"/>; throws <see cref="FuzzFailure"/> for an undocumented exception.</summary>
    public void Run(int seed, Func<ServerSession, long>? heldBytes = null)
    {
        var random = new Random(seed);
        var recorded = _corpora[random.Next(_corpora.Length)];
        var input = Mutator.Mutate(recorded.Bytes, _corpora[random.Next(_corpora.Length)].Bytes, random);
        try
        {
            Feed(input, recorded.ReadEnds, random, heldBytes);
        }
        catch (Exception e) when (e is RtmpProtocolException || e is AmfFormatException)
        {
            Rejected++;
        }
        catch (Exception e)
        {
            throw new FuzzFailure(seed, e);
        }
    }

    private void Feed(byte[] input, int[] readEnds, Random random, Func<ServerSession, long>? heldBytes)
    {
        var handshake = new ServerHandshake(0);
        var session = new ServerSession();
        var hub = new StreamHub();
        var output = new ArrayBufferWriter<byte>();
        var events = new List<SessionEvent>();
        var media = new List<RtmpMessage>();
        LiveStream? published = null;
        var reached = false;
        var at = 0;
        foreach (var bytes in RecordedSession.Reads(input, readEnds, random))
        {
            var slice = new ReadOnlySpan<byte>(bytes);
            at += bytes.Length;
            output.Clear();
            if (!handshake.IsComplete)
            {
                if (handshake.Process(slice, output, out var consumed) != HandshakeStatus.Completed)
                {
                    continue;
                }

                slice = slice.Slice(consumed);
            }

            session.Receive(slice, output, events, media);
            foreach (var message in media)
            {
                published?.Deliver(MediaFrame.From(message), WireLimits.Default);
            }

            media.Clear();
            foreach (var e in events)
            {
                switch (e)
                {
                    case ConnectRequested:
                        session.AcceptConnect(output);
                        break;
                    case PublishRequested publish when published == null && publish.Request.Name.Name.Length > 0:
                        published = hub.TryPublish("live/" + publish.Request.Name.Name, this);
                        session.AcceptPublish(publish.Request, output);
                        Reach(ref reached);
                        break;
                    case PlayRequested play:
                        session.AcceptPlay(play.Request, output);
                        Reach(ref reached);
                        break;
                }
            }

            events.Clear();
            if (heldBytes != null)
            {
                var held = heldBytes(session);
                MaxHeldBytes = Math.Max(MaxHeldBytes, held);
                MaxHeldBeyondInput = Math.Max(MaxHeldBeyondInput, held - at);
            }
        }
    }

    private void Reach(ref bool reached)
    {
        if (!reached)
        {
            reached = true;
            ReachedPublishOrPlay++;
        }
    }
}
