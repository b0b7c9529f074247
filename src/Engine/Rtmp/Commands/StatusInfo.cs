using RtmpXProtect.Engine.Amf;

namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>The info object of an onStatus, _result or _error: level, code and description.</summary>
    public sealed class StatusInfo
    {
        /// <summary>Creates a status.</summary>
        public StatusInfo(string level, string code, string description)
        {
            Level = level;
            Code = code;
            Description = description;
        }

        /// <summary>"status", "warning" or "error".</summary>
        public string Level { get; }

        /// <summary>The status code, e.g. NetStream.Publish.Start.</summary>
        public string Code { get; }

        /// <summary>Words for a person.</summary>
        public string Description { get; }

        /// <summary>True when <see cref="Level"/> is "error".</summary>
        public bool IsError => Level == "error";

        /// <summary>A status-level info.</summary>
        public static StatusInfo Status(string code, string description) => new StatusInfo("status", code, description);

        /// <summary>An error-level info.</summary>
        public static StatusInfo Error(string code, string description) => new StatusInfo("error", code, description);

        /// <summary>Reads an info object; missing fields become empty strings.</summary>
        public static StatusInfo FromAmf(object? value)
        {
            var info = value as AmfObject;
            return new StatusInfo(info?.GetString("level") ?? string.Empty, info?.GetString("code") ?? string.Empty, info?.GetString("description") ?? string.Empty);
        }

        /// <summary>The AMF object sent on the wire.</summary>
        public AmfObject ToAmf(string? details = null)
        {
            var info = new AmfObject { { "level", Level }, { "code", Code }, { "description", Description } };
            if (details != null)
            {
                info.Add("details", details);
            }

            return info;
        }

        /// <inheritdoc />
        public override string ToString() => $"{Code} ({Level}): {Description}";
    }
}
