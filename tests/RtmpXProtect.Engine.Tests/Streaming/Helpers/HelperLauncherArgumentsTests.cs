using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using RtmpXProtect.Engine.Streaming.Helpers;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Helpers
{
    public class HelperLauncherArgumentsTests
    {
        public static IEnumerable<object[]> Awkward => new[]
        {
            new object[] { "cam 1", "/etc/rtmpx/rtmpx.json" },
            new object[] { string.Empty, string.Empty },
            new object[] { "say \"hi\"", "C:\\Program Files\\rtmpx\\rtmpx.json" },
            new object[] { "ends with \\", "C:\\configs\\" },
            new object[] { "a\\\"b", "\\\\server\\share\\\"q\\\\\"" },
            new object[] { "\"", "\\" },
            new object[] { "tab\there", "ü 日本 --report" },
        };

        [Theory]
        [MemberData(nameof(Awkward))]
        public void The_command_line_splits_back_into_the_same_arguments_by_the_CommandLineToArgvW_rules(string name, string config)
        {
            var line = HelperLauncher.Arguments("/opt/rtmpx/rtmpx dir/rtmpx.dll", name, config);

            Assert.Equal(new[] { "/opt/rtmpx/rtmpx dir/rtmpx.dll", "stream", "run", name, "--config", config, "--report" }, Split(line));
        }

        [Fact]
        public void Without_a_first_argument_the_helper_arguments_come_first()
            => Assert.Equal(new[] { "stream", "run", "cam", "--config", "c.json", "--report" }, Split(HelperLauncher.Arguments(null, "cam", "c.json")));

        // The runtime's own splitter (a Unix child's argv is what .NET makes of the string), not ours.
        [Theory]
        [MemberData(nameof(Awkward))]
        public void A_started_program_receives_the_same_arguments(string name, string config)
        {
            const string Printf = "/usr/bin/printf";
            if (OperatingSystem.IsWindows() || !File.Exists(Printf))
            {
                return;
            }

            var start = new ProcessStartInfo(Printf, HelperLauncher.Arguments("<%s>\\n", name, config)) { UseShellExecute = false, RedirectStandardOutput = true, StandardOutputEncoding = new UTF8Encoding(false) };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(string.Concat(new[] { "stream", "run", name, "--config", config, "--report" }.Select(a => "<" + a + ">\n")), output);
        }

        // CommandLineToArgvW as documented (and as .NET's PasteArguments inverts): 2n backslashes and
        // a quote are n backslashes and a quote that toggles quoting, 2n+1 and a quote are n and a
        // literal quote, backslashes before anything else are literal.
        private static List<string> Split(string line)
        {
            var arguments = new List<string>();
            var current = new StringBuilder();
            var quoted = false;
            var inArgument = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '\\')
                {
                    var count = 0;
                    while (i < line.Length && line[i] == '\\')
                    {
                        count++;
                        i++;
                    }

                    if (i < line.Length && line[i] == '"')
                    {
                        current.Append('\\', count / 2);
                        if (count % 2 == 1)
                        {
                            current.Append('"');
                        }
                        else
                        {
                            quoted = !quoted;
                        }
                    }
                    else
                    {
                        current.Append('\\', count);
                        i--;
                    }

                    inArgument = true;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                    inArgument = true;
                }
                else if ((c == ' ' || c == '\t') && !quoted)
                {
                    if (inArgument)
                    {
                        arguments.Add(current.ToString());
                        current.Clear();
                        inArgument = false;
                    }
                }
                else
                {
                    current.Append(c);
                    inArgument = true;
                }
            }

            if (inArgument)
            {
                arguments.Add(current.ToString());
            }

            return arguments;
        }
    }
}
