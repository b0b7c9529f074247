using System;

namespace RtmpXProtect.XProtectDouble;

/// <summary>Faults a test turns on: each is something a real network or recorder does.</summary>
public sealed class DoubleFaults
{
    /// <summary>Every ImageServer reply waits this long before it is sent.</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>After this many playback replies on one socket, the socket is dropped mid-reply (a lost recorder). Zero = never.</summary>
    public int DropAfterReplies { get; set; }

    /// <summary>Only the first socket is dropped when true; later ones run to the end.</summary>
    public bool DropOnce { get; set; } = true;

    /// <summary>After this many live pictures on one socket the socket is dropped (a recorder restarting). Zero = never.</summary>
    public int DropLiveAfterPictures { get; set; }

    /// <summary>The API Gateway answers 503 for its token endpoint, so clients must fall back to the identity provider.</summary>
    public bool GatewayDown { get; set; }
}
