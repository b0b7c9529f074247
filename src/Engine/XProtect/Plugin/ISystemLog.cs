namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// Where the plugin's System Log entries go; the adapter writes them with MIP's
    /// <c>LogClient.Instance.NewEntry</c>. Called on the supervisor's threads: return at once.
    /// </summary>
    public interface ISystemLog
    {
        /// <summary>Writes one entry.</summary>
        void Write(SystemLogEntry entry);
    }
}
