using System.CommandLine;
using System.Net;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>An ADDRESS:PORT option, as --listen and --rtmps take it.</summary>
    internal static class EndpointOption
    {
        public static Option<IPEndPoint?> Create(string name, string description, IPEndPoint? defaultValue) => new Option<IPEndPoint?>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (TryParse(text, out var endpoint))
                {
                    return endpoint;
                }

                result.AddError($"{name} must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935 (got '{text}').");
                return null;
            },
        };

        /// <summary>ADDRESS:PORT as options and the file's listen keys take it: the port is required, not defaulted to 0.</summary>
        public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPEndPoint? endpoint)
            => IPEndPoint.TryParse(text, out endpoint) && text.Contains(':');
    }
}
