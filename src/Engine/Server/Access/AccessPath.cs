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

        /// <summary>
        /// Addresses or CIDR ranges publishers of this path must come from. When not empty it replaces
        /// <see cref="AccessPolicy.PublisherNetworks"/> for this path (the narrower rule wins, as a
        /// camera's own subnet is usually not the site-wide list); empty follows the global list.
        /// </summary>
        public IList<string> PublisherNetworks { get; } = new List<string>();

        /// <summary>
        /// Whether publishes of this path are recorded: true or false override the server's record
        /// setting for this path; null, the default, follows it.
        /// </summary>
        public bool? Record { get; set; }

        /// <summary>
        /// Anyone may publish to this path without a key (addresses in <see cref="PublisherNetworks"/>
        /// still apply): an XProtect driver device left without a key, as the seed driver's were.
        /// Off by default.
        /// </summary>
        public bool AnyonePublishes { get; set; }
    }
}
