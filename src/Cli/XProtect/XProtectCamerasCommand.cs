using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.XProtect.Connection;
using Spectre.Console;

namespace RtmpXProtect.Cli.XProtect
{
    /// <summary>`rtmpx xprotect cameras`: every camera of a site, enabled and disabled.</summary>
    internal static class XProtectCamerasCommand
    {
        public static Command Create()
        {
            var connection = new XProtectConnectionOptions();
            var json = new Option<bool>("--json") { Description = "Write one JSON array (id, name, displayName, enabled) instead of a table." };
            var command = new Command("cameras", "List the cameras of an XProtect site (enabled and disabled), with the ids xprotect:CAMERA sources and exports take.") { json };
            connection.AddTo(command);
            command.SetAction(async (parse, cancel) =>
            {
                var options = connection.Read(parse, out var error);
                if (options == null)
                {
                    Console.Error.WriteLine(error);
                    return 2;
                }

                try
                {
                    await using var session = await XProtectSession.OpenAsync(options, cancel);
                    var cameras = await session.GetCamerasAsync(cancel);
                    if (parse.GetValue(json))
                    {
                        Console.Out.WriteLine(new JsonArray(cameras.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name, ["displayName"] = c.DisplayName, ["enabled"] = c.Enabled }).ToArray()).ToJsonString());
                        return 0;
                    }

                    var table = new Table().AddColumn("Id").AddColumn("Name").AddColumn("Enabled");
                    foreach (var camera in cameras)
                    {
                        table.AddRow(camera.Id.ToString("D"), Markup.Escape(camera.Name), camera.Enabled ? "yes" : "no");
                    }

                    AnsiConsole.Write(table);
                    AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0} cameras on {1}", cameras.Count, Markup.Escape(options.ShownServer));
                    return 0;
                }
                catch (XProtectException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return e is XProtectAuthenticationException ? 3 : 1;
                }
            });
            return command;
        }
    }
}
