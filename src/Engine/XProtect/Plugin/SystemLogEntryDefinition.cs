using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>One kind of System Log entry as the adapter registers it (MIP's <c>LogClient.RegisterDictionary</c>): id, severity and a template with {Parameter} holes.</summary>
    public sealed class SystemLogEntryDefinition
    {
        private static readonly Regex Hole = new Regex(@"\{(\w+)\}", RegexOptions.CultureInvariant);

        /// <summary>Creates a definition.</summary>
        public SystemLogEntryDefinition(SystemLogEntryKind kind, string id, SystemLogSeverity severity, string template, IReadOnlyList<string> parameters)
        {
            Kind = kind;
            Id = id;
            Severity = severity;
            Template = template;
            Parameters = parameters;
        }

        /// <summary>The kind.</summary>
        public SystemLogEntryKind Kind { get; }

        /// <summary>The stable message id the System Log files the entry under.</summary>
        public string Id { get; }

        /// <summary>The severity.</summary>
        public SystemLogSeverity Severity { get; }

        /// <summary>The text with {Parameter} holes, e.g. "Camera {CameraName} is streaming to {Destination}".</summary>
        public string Template { get; }

        /// <summary>The parameters the template uses (<see cref="SystemLogParameter"/>).</summary>
        public IReadOnlyList<string> Parameters { get; }

        /// <summary>The template with its holes filled; a missing parameter reads as empty.</summary>
        public string Render(IReadOnlyDictionary<string, string> values)
            => Hole.Replace(Template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : string.Empty);
    }
}
