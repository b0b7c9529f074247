namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// The AMF <c>undefined</c> value. It is distinct from AMF <c>null</c> (which reads as C# null)
    /// because some peers answer differently to the two, so a round trip must keep them apart.
    /// </summary>
    public sealed class AmfUndefined
    {
        private AmfUndefined()
        {
        }

        /// <summary>The only instance; compare with <c>ReferenceEquals</c> or <c>is AmfUndefined</c>.</summary>
        public static AmfUndefined Value { get; } = new AmfUndefined();

        /// <inheritdoc />
        public override string ToString() => "undefined";
    }
}
