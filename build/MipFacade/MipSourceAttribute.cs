using System;

namespace RtmpXProtect.Build.MipFacade
{
    /// <summary>Where a facade member was transcribed from: a public Milestone reference or a public sample that uses it.</summary>
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
    public sealed class MipSourceAttribute : Attribute
    {
        public MipSourceAttribute(string source)
        {
            Source = source;
        }

        public string Source { get; }
    }
}
