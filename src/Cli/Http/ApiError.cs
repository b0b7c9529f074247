namespace RtmpXProtect.Cli.Http
{
    /// <summary>The body of a status API answer that is not the resource asked for: <c>{"error": "…"}</c>.</summary>
    internal sealed record ApiError(string Error);
}
