using System;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx probe URL`: Test-RtmpEndpoint's operation, each step's time printed, and exit 0 only when connect succeeded.</summary>
    internal static class ProbeCommand
    {
        private static readonly JsonSerializerOptions Json = CliJson.Resolving(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

        public static Command Create()
        {
            var url = UrlArgument.Create();
            var untrusted = new Option<bool>("--allow-untrusted") { Description = "Go on past a certificate that does not validate (its errors are still shown)." };
            var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
            var timeout = new Option<int>("--timeout") { Description = "Seconds for the whole probe.", DefaultValueFactory = _ => 10 };
            var command = new Command("probe", "Resolve, connect, TLS, RTMP handshake and connect against an RTMP(S) URL, without publishing or playing; prints each step's time.")
            {
                url, untrusted, json, timeout,
            };
            command.SetAction(async (parse, cancel) =>
            {
                var text = parse.GetValue(url)!;
                if (text == "-")
                {
                    text = Console.In.ReadLine()?.Trim() ?? string.Empty;
                }

                if (parse.GetValue(timeout) < 1)
                {
                    Console.Error.WriteLine("--timeout must be at least 1 second.");
                    return 2;
                }

                EndpointProbeResult result;
                try
                {
                    result = await EndpointProbe.ProbeAsync(text, new EndpointProbeOptions { AllowUntrustedCertificate = parse.GetValue(untrusted), Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) }, cancel);
                }
                catch (ArgumentException)
                {
                    Console.Error.WriteLine("Give an rtmp:// or rtmps:// URL.");
                    return 2;
                }

                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(CliJson.Serialize(result, Json));
                }
                else
                {
                    Print(result);
                }

                return result.Succeeded ? 0 : 1;
            });
            return command;
        }

        private static void Print(EndpointProbeResult result)
        {
            Console.Out.WriteLine($"{result.Url} ({result.Address ?? "not resolved"})");
            foreach (var step in result.Steps())
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-10} {1,8:0.0} ms", step.Key, step.Value.TotalMilliseconds));
            }

            if (result.TlsProtocol != null || result.CertificateSubject != null)
            {
                Console.Out.WriteLine($"  tls        {result.TlsProtocol}, {result.CertificateSubject}, until {result.CertificateNotAfter:yyyy-MM-dd}, errors: {result.CertificateErrors}");
            }

            if (result.ServerVersion != null)
            {
                Console.Out.WriteLine($"  server     {result.ServerVersion}");
            }

            if (result.ConnectStatusCode != null)
            {
                Console.Out.WriteLine($"  answer     {result.ConnectStatusCode}: {result.ConnectStatusDescription}");
            }

            Console.Out.WriteLine(result.Succeeded ? "OK" : $"FAILED at {result.FailedStep}: {result.Error}");
        }
    }
}
