using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RtmpXProtect.Cli.Http
{
    /// <summary>The JSON shape the API writes and `rtmpx status` reads: camelCase, enums by name, so both sides agree.</summary>
    internal static class StatusJson
    {
        public static readonly JsonSerializerOptions Options = CliJson.Resolving(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

        /// <summary><paramref name="value"/> as the API writes it.</summary>
        public static string Serialize<T>(T value) => CliJson.Serialize(value, Options);

        /// <summary>An API answer holding <paramref name="value"/>.</summary>
        public static IResult Result<T>(T value) => Results.Json(value, CliJson.TypeInfo<T>(Options));

        /// <summary>A 404 answer saying <paramref name="error"/>.</summary>
        public static IResult NotFound(string error) => Results.Json(new ApiError(error), CliJson.TypeInfo<ApiError>(Options), statusCode: StatusCodes.Status404NotFound);
    }
}
