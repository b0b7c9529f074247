using System.Collections.Generic;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>One stream path of an <see cref="AccessPolicy"/> and the keys that open it.</summary>
    public sealed class AccessPath
    {
        /// <summary>Creates a path entry.</summary>
        /// <param name="path">"live/cam1", or a bare "stream1" that matches under any application.</param>
        public AccessPath(string path)
        {
            Path = path.Trim('/');
        }

        /// <summary>The path as configured, without leading or trailing slashes.</summary>
        public string Path { get; }

        /// <summary>Keys that may publish to this path (and play it).</summary>
        public IList<string> PublishKeys { get; } = new List<string>();

        /// <summary>Keys that may only play this path, when playing needs a key.</summary>
        public IList<string> PlayKeys { get; } = new List<string>();
    }
}
