namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// An AMF0 ECMA array (0x08), or an AMF3 array with an associative part: ordered string keys
    /// like <see cref="AmfObject"/>. A type of its own because peers treat the two markers
    /// differently: onMetaData is expected as an ECMA array, connect's command object as an object.
    /// </summary>
    public sealed class AmfEcmaArray : AmfObject
    {
    }
}
