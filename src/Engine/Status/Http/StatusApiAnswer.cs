namespace RtmpXProtect.Engine.Status.Http
{
    /// <summary>What the status API answers to one request: an HTTP status and a JSON body.</summary>
    internal sealed class StatusApiAnswer
    {
        public StatusApiAnswer(int statusCode, byte[] body)
        {
            StatusCode = statusCode;
            Body = body;
        }

        /// <summary>200, 404 or 405.</summary>
        public int StatusCode { get; }

        /// <summary>UTF-8 JSON: the resource, or <c>{"error": "…"}</c>.</summary>
        public byte[] Body { get; }
    }
}
