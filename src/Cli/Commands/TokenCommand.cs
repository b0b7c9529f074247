using System;
using System.CommandLine;
using System.IO;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Rtmp;

using RtmpXProtect.Engine.Security;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx token new`: an expiring signed URL for one path, checked by `rtmpx serve --secret-file`.</summary>
    internal static class TokenCommand
    {
        public static Command Create()
        {
            var path = new Option<string?>("--path") { Description = "The path the URL opens, app/stream (e.g. live/cam1); taken from --url when omitted." };
            var ttl = new Option<long>("--ttl") { Description = "Seconds the URL stays valid.", DefaultValueFactory = _ => 3600 };
            var secretFile = new Option<FileInfo?>("--secret-file") { Description = "File holding the signing secret (the same one the server uses)." };
            var secretEnv = new Option<string?>("--secret-env") { Description = "Environment variable holding the signing secret." };
            var url = new Option<string?>("--url") { Description = "rtmp://host/app/stream: also print the full URL with the token." };
            var create = new Command("new", "Print ?exp=…&sig=… for a path (and the full URL with --url).") { path, ttl, secretFile, secretEnv, url };
            create.SetAction(parse =>
            {
                var secret = SigningSecret.Read(parse.GetValue(secretFile), parse.GetValue(secretEnv), out var error);
                if (secret == null)
                {
                    Console.Error.WriteLine(error);
                    return 2;
                }

                var urlText = parse.GetValue(url);
                RtmpUrl? target = null;
                if (urlText != null && !RtmpUrl.TryParse(urlText, out target, out var urlError))
                {
                    Console.Error.WriteLine(urlError);
                    return 2;
                }

                var signedPath = parse.GetValue(path) ?? (target == null ? null : Engine.Rtmp.Commands.StreamName.Parse(target.App).Name + "/" + Engine.Rtmp.Commands.StreamName.Parse(target.Stream).Name);
                if (string.IsNullOrEmpty(signedPath?.Trim('/')))
                {
                    Console.Error.WriteLine("Give the path with --path app/stream or --url rtmp://host/app/stream.");
                    return 2;
                }

                var seconds = parse.GetValue(ttl);
                if (seconds <= 0)
                {
                    Console.Error.WriteLine("--ttl must be a positive number of seconds.");
                    return 2;
                }

                // The same operation as New-RtmpPublishToken; a given URL keeps its own spelling and gets the query appended.
                var server = target == null ? "rtmp://localhost" : (target.IsSecure ? "rtmps://" : "rtmp://") + target.Host + ":" + target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string signedUrl;
                try
                {
                    signedUrl = PublishTokens.CreateUrl(server, signedPath!, secret, TimeSpan.FromSeconds(seconds), DateTimeOffset.UtcNow);
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine(e.Message.Split('(')[0].Trim());
                    return 2;
                }

                var query = signedUrl.Substring(signedUrl.IndexOf('?') + 1);
                Console.Out.WriteLine("?" + query);
                if (urlText != null)
                {
                    Console.Out.WriteLine(urlText + (urlText.Contains('?') ? "&" : "?") + query);
                }

                return 0;
            });
            return new Command("token", "Signed URLs for publishing and playing.") { create };
        }
    }
}
