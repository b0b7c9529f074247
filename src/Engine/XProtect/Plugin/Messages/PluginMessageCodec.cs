using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.Engine.XProtect.Plugin.Messages
{
    /// <summary>
    /// <see cref="PluginRequest"/> and <see cref="PluginAnswer"/> to and from the text a MIP
    /// message carries: JSON, camelCase, enums by name. Decoding refuses anything that is not
    /// exactly one of them, and its errors never quote the text (a Save holds stream keys).
    /// </summary>
    public static class PluginMessageCodec
    {
        /// <summary>The longest message text read or written, in characters: a Save of eight destinations is far below it.</summary>
        public const int MaxLength = 65536;

        /// <summary>The deepest nesting of objects and arrays read; the messages need four.</summary>
        internal const int MaxDepth = 16;

        // Strict: a lone surrogate is refused rather than silently turned into U+FFFD.
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private static readonly JsonSerializerOptions Json = CreateJson();

        /// <summary>The request as message text.</summary>
        /// <exception cref="PluginMessageException">The text would be longer than <see cref="MaxLength"/>.</exception>
        public static string Encode(PluginRequest request)
            => Checked(Serialize(request ?? throw new ArgumentNullException(nameof(request))), "request");

        /// <summary>The answer as message text.</summary>
        /// <exception cref="PluginMessageException">The text would be longer than <see cref="MaxLength"/>.</exception>
        public static string Encode(PluginAnswer answer)
            => Checked(Serialize(answer ?? throw new ArgumentNullException(nameof(answer))), "answer");

        /// <summary>A request read from message text.</summary>
        /// <exception cref="PluginMessageException">The text is not a valid request.</exception>
        public static PluginRequest DecodeRequest(string? text)
        {
            var request = Read(text, "request", EngineJson.TypeInfo<PluginRequest>(Json));
            if (request.Id == Guid.Empty)
            {
                throw new PluginMessageException("The plugin request has no id.");
            }

            if (!Enum.IsDefined(typeof(PluginRequestKind), request.Kind))
            {
                throw new PluginMessageException("The plugin request asks for an unknown kind of operation.");
            }

            if (request.Kind == PluginRequestKind.Save && request.Entry == null)
            {
                throw new PluginMessageException("The plugin Save request carries no item entry.");
            }

            var entry = request.Entry;
            if (entry != null && (entry.CameraName == null || entry.Destinations == null || entry.Destinations.Any(d => d == null) || !Enum.IsDefined(typeof(AudioMode), entry.Audio)))
            {
                throw Shape("request");
            }

            return request;
        }

        /// <summary>An answer read from message text.</summary>
        /// <exception cref="PluginMessageException">The text is not a valid answer.</exception>
        public static PluginAnswer DecodeAnswer(string? text)
        {
            var answer = Read(text, "answer", EngineJson.TypeInfo<PluginAnswer>(Json));
            if (answer.Id == Guid.Empty)
            {
                throw new PluginMessageException("The plugin answer has no id.");
            }

            // The generated constructors take null for a missing member: a null here is a broken answer.
            var broken = (answer.Errors != null && answer.Errors.Any(e => e == null || e.Property == null || e.Rule == null))
                || (answer.Properties != null && answer.Properties.Values.Any(v => v == null))
                || (answer.State != null && !Enum.IsDefined(typeof(ItemOperationalState), answer.State.State))
                || (answer.Lines != null && answer.Lines.Any(l => l == null || l.Level == null || l.Text == null));
            if (broken)
            {
                throw Shape("answer");
            }

            return answer;
        }

        /// <summary>The JSON of <paramref name="value"/> without the length check: the responder measures with it.</summary>
        internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, EngineJson.TypeInfo<T>(Json));

        private static T Read<T>(string? text, string what, JsonTypeInfo<T> type)
            where T : class
        {
            if (string.IsNullOrEmpty(text))
            {
                throw new PluginMessageException($"The plugin {what} is empty.");
            }

            // Before anything else, so that a huge text costs nothing.
            if (text!.Length > MaxLength)
            {
                throw new PluginMessageException($"The plugin {what} is longer than {MaxLength} characters.");
            }

            byte[] bytes;
            try
            {
                bytes = Utf8.GetBytes(text);
            }
            catch (ArgumentException)
            {
                throw new PluginMessageException($"The plugin {what} is not well-formed text.");
            }

            CheckSyntax(bytes, what);
            T? value;
            try
            {
                value = JsonSerializer.Deserialize(bytes, type);
            }
            catch (Exception e) when (e is JsonException || e is NotSupportedException || e is ArgumentException || e is InvalidOperationException || e is FormatException || e is OverflowException)
            {
                // Not wrapped: the serializer's message may quote a piece of the text.
                throw Shape(what);
            }

            return value ?? throw Shape(what);
        }

        // A pass of the reader alone tells "not JSON" and "too deep" apart from "not a request".
        private static void CheckSyntax(byte[] bytes, string what)
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxLength + 1 });
            try
            {
                while (reader.Read())
                {
                    if ((reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray) && reader.CurrentDepth >= MaxDepth)
                    {
                        throw new PluginMessageException($"The plugin {what} is nested deeper than {MaxDepth} levels.");
                    }
                }
            }
            catch (JsonException)
            {
                throw new PluginMessageException($"The plugin {what} is not JSON.");
            }
        }

        private static PluginMessageException Shape(string what)
            => new PluginMessageException($"The plugin {what} is JSON but not of the expected shape.");

        private static string Checked(string text, string what)
            => text.Length <= MaxLength ? text : throw new PluginMessageException($"The plugin {what} would be longer than {MaxLength} characters.");

        // camelCase like the status API (StatusApiClient); members this version does not know are
        // skipped, so that a Management Client and an Event Server one version apart still talk.
        private static JsonSerializerOptions CreateJson()
        {
            var options = EngineJson.Resolving(new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                MaxDepth = MaxDepth,
                NumberHandling = JsonNumberHandling.Strict,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            });

            // By name only: a number is an operation nobody can read in a log.
            options.Converters.Add(new JsonStringEnumConverter<PluginRequestKind>(namingPolicy: null, allowIntegerValues: false));
            options.Converters.Add(new JsonStringEnumConverter<ItemOperationalState>(namingPolicy: null, allowIntegerValues: false));
            options.Converters.Add(new JsonStringEnumConverter<AudioMode>(namingPolicy: null, allowIntegerValues: false));
            return options;
        }
    }
}
