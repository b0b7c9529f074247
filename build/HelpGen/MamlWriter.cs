using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml;

namespace RtmpXProtect.HelpGen
{
    /// <summary>Writes pages as the MAML that Get-Help reads for a binary module (the layout platyPS emits).</summary>
    internal static class MamlWriter
    {
        private const string Msh = "http://msh";
        private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
        private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static void Write(IReadOnlyList<CommandPage> pages, string path)
        {
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
            using var xml = XmlWriter.Create(path, settings);
            xml.WriteStartDocument();
            xml.WriteStartElement("helpItems", Msh);
            xml.WriteAttributeString("schema", "maml");
            foreach (var page in pages)
            {
                WriteCommand(xml, page);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        private static void WriteCommand(XmlWriter xml, CommandPage page)
        {
            var dash = page.Name.IndexOf('-');
            xml.WriteStartElement("command", "command", Command);
            xml.WriteAttributeString("xmlns", "maml", null, Maml);
            xml.WriteAttributeString("xmlns", "dev", null, Dev);

            xml.WriteStartElement("details", Command);
            xml.WriteElementString("name", Command, page.Name);
            xml.WriteElementString("verb", Command, dash > 0 ? page.Name.Substring(0, dash) : page.Name);
            xml.WriteElementString("noun", Command, dash > 0 ? page.Name.Substring(dash + 1) : string.Empty);
            Description(xml, page.Synopsis);
            xml.WriteEndElement();

            Description(xml, page.Description);

            // One syntaxItem per parameter set, as platyPS writes them: Get-Help shows each as its own line, so
            // parameters of different sets (-StreamKey and -DestinationUrl) never read as usable together.
            xml.WriteStartElement("syntax", Command);
            foreach (var set in page.ParameterSets())
            {
                xml.WriteStartElement("syntaxItem", Command);
                xml.WriteElementString("name", Maml, page.Name);
                foreach (var parameter in page.Parameters.Where(p => p.InSet(set)))
                {
                    Parameter(xml, parameter, full: false);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();

            xml.WriteStartElement("parameters", Command);
            foreach (var parameter in page.Parameters)
            {
                Parameter(xml, parameter, full: true);
            }

            xml.WriteEndElement();

            TypeList(xml, "inputTypes", "inputType", page.Inputs);
            TypeList(xml, "returnValues", "returnValue", page.Outputs);

            if (page.Notes.Length > 0)
            {
                xml.WriteStartElement("alertSet", Maml);
                xml.WriteStartElement("alert", Maml);
                Paragraphs(xml, page.Notes);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteStartElement("examples", Command);
            foreach (var example in page.Examples)
            {
                xml.WriteStartElement("example", Command);
                xml.WriteElementString("title", Maml, $"-------------------------- {example.Title} --------------------------");
                xml.WriteElementString("code", Dev, example.Code);
                xml.WriteStartElement("remarks", Dev);
                Paragraphs(xml, example.Remarks);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        private static void Parameter(XmlWriter xml, HelpParameter parameter, bool full)
        {
            var type = parameter.Field("Type", "Object");
            var required = parameter.Field("Required", "False").StartsWith("True", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
            xml.WriteStartElement("parameter", Command);
            xml.WriteAttributeString("required", required);
            xml.WriteAttributeString("variableLength", type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
            xml.WriteAttributeString("globbing", parameter.Field("Accept wildcard characters", "False").ToLowerInvariant());
            xml.WriteAttributeString("pipelineInput", parameter.Field("Accept pipeline input", "False"));
            xml.WriteAttributeString("position", parameter.Field("Position", "Named").ToLowerInvariant());
            xml.WriteAttributeString("aliases", parameter.Field("Aliases", "none"));
            xml.WriteElementString("name", Maml, parameter.Name);
            Description(xml, parameter.Description);
            if (type != "SwitchParameter")
            {
                xml.WriteStartElement("parameterValue", Command);
                xml.WriteAttributeString("required", "true");
                xml.WriteString(type);
                xml.WriteEndElement();
            }

            if (full)
            {
                xml.WriteStartElement("type", Dev);
                xml.WriteElementString("name", Maml, type);
                xml.WriteEndElement();
                xml.WriteElementString("defaultValue", Dev, parameter.Field("Default value", "None"));
            }

            xml.WriteEndElement();
        }

        private static void TypeList(XmlWriter xml, string list, string item, string text)
        {
            xml.WriteStartElement(list, Command);
            foreach (var type in text.Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0 && t != "None"))
            {
                xml.WriteStartElement(item, Command);
                xml.WriteStartElement("type", Dev);
                xml.WriteElementString("name", Maml, type);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void Description(XmlWriter xml, string text)
        {
            xml.WriteStartElement("description", Maml);
            Paragraphs(xml, text);
            xml.WriteEndElement();
        }

        private static void Paragraphs(XmlWriter xml, string text)
        {
            foreach (var para in text.Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries))
            {
                xml.WriteElementString("para", Maml, para.Replace("\n", " ").Trim());
            }
        }
    }
}
