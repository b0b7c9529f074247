using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// What one publish or play was admitted with, kept so a reloaded policy can re-check it. The
    /// request holds the key or signature the client presented: it stays in memory only and is shown
    /// through <see cref="AccessRequest.ToString"/>, which masks the query.
    /// </summary>
    internal sealed class SessionAdmission
    {
        public SessionAdmission(AccessRequest request, string? admittedBy)
        {
            Request = request;
            AdmittedBy = admittedBy;
        }

        public AccessRequest Request { get; }

        /// <summary>The credential's identity ("callback", "key live/cam1#1"); null on an open server.</summary>
        public string? AdmittedBy { get; }
    }
}
