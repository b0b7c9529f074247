namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>What <see cref="SignedUrl.Verify"/> found.</summary>
    public enum SignedUrlCheck
    {
        /// <summary>The signature matches and has not expired.</summary>
        Valid,

        /// <summary>No exp or no sig parameter.</summary>
        Missing,

        /// <summary>exp is not a number or sig is not base64url of the right size.</summary>
        Malformed,

        /// <summary>The signature matches but exp is in the past.</summary>
        Expired,

        /// <summary>The signature does not match the path and expiry.</summary>
        BadSignature,
    }
}
