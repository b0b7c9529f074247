namespace RtmpXProtect.Engine.Management.Certificates
{
    /// <summary>Where an instance's RTMPS certificate comes from.</summary>
    public enum CertificateSource
    {
        /// <summary>Made here, self-signed for the names given, renewed before it expires.</summary>
        SelfSigned,

        /// <summary>A PFX the operator gives (from a CA), installed as it is.</summary>
        Pfx,
    }
}
