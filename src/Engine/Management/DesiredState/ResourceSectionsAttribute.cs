using System;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>The only keys an object property may hold, each an object (the sections of rtmpx.json an instance's config may set).</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class ResourceSectionsAttribute : Attribute
    {
        /// <summary>Declares the allowed keys.</summary>
        public ResourceSectionsAttribute(params string[] names) => Names = names;

        /// <summary>The allowed keys.</summary>
        public string[] Names { get; }
    }
}
