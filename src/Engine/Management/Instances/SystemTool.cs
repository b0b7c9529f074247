using System;
using System.Collections.Generic;
using System.Diagnostics;
using RtmpXProtect.Engine.Hooks;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management.Instances
{
    /// <summary>
    /// Runs a tool of the operating system an instance is set up with (systemctl, icacls): its
    /// arguments quoted as the runtime splits them back (no shell), both streams read in the background,
    /// and a time limit, so a tool that hangs fails the operation instead of blocking it.
    /// </summary>
    internal static class SystemTool
    {
        /// <summary>The exit code (-1 when the time ran out) and what the tool wrote on stderr.</summary>
        /// <exception cref="ResourceOperationException">The tool cannot be started.</exception>
        public static (int ExitCode, string Error) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
        {
            var start = new ProcessStartInfo(program, CommandLineArguments.Join(arguments))
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                CreateNoWindow = true,
            };
            try
            {
                using var process = Process.Start(start)!;
                var error = process.StandardError.ReadToEndAsync();
                var output = process.StandardOutput.ReadToEndAsync();
                if (!process.WaitForExit((int)timeout.TotalMilliseconds))
                {
                    process.Kill();
                    return (-1, $"{program} {start.Arguments} did not finish in {timeout.TotalSeconds:0} s");
                }

                output.GetAwaiter().GetResult();
                return (process.ExitCode, error.GetAwaiter().GetResult());
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new ResourceOperationException($"{program} cannot be run: {e.Message}", e);
            }
        }
    }
}
