using System.Collections.Generic;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>The shape of an AMF3 object, kept in the traits table so later objects can refer to it.</summary>
    internal sealed class Amf3Traits
    {
        public Amf3Traits(string? className, IReadOnlyList<string> sealedMemberNames, bool isDynamic)
        {
            ClassName = className;
            SealedMemberNames = sealedMemberNames;
            IsDynamic = isDynamic;
        }

        /// <summary>Null for an anonymous object (empty class name on the wire).</summary>
        public string? ClassName { get; }

        public IReadOnlyList<string> SealedMemberNames { get; }

        public bool IsDynamic { get; }
    }
}
