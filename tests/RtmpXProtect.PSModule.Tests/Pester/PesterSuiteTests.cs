using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.PSModule.Tests.Pester
{
    /// <summary>
    /// Every file of tests/Pester, run in PowerShell 7 by tests/Pester/Invoke-RtmpPester.ps1 (the runner
    /// build.ps1 uses too): one failing Pester test fails its file here, with the test's name and message.
    /// </summary>
    public sealed class PesterSuiteTests
    {
        private static readonly IReadOnlyDictionary<string, string> Metadata =
            typeof(PesterSuiteTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);

        private readonly ITestOutputHelper _output;

        public PesterSuiteTests(ITestOutputHelper output) => _output = output;

        private static string RepositoryRoot => Metadata["RepositoryRoot"];

        public static TheoryData<string> Files()
        {
            var files = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "tests", "Pester"), "*.Tests.ps1").OrderBy(f => f, StringComparer.Ordinal))
            {
                files.Add(Path.GetFileName(file));
            }

            return files;
        }

        [Theory]
        [MemberData(nameof(Files))]
        public async Task Every_Pester_test_of_the_file_passes(string file)
        {
            var results = Path.Combine(RepositoryRoot, "artifacts", "TestResults", "pester");
            var json = Path.Combine(results, Path.GetFileNameWithoutExtension(file) + ".json");
            Directory.CreateDirectory(results);
            File.Delete(json);
            // The self-contained package the instance tests install and run (built once, shared by the test
            // projects); none where it cannot be built off CI, and the instance tests skip.
            var environment = new Dictionary<string, string>
            {
                ["RTMPX_CLI_DLL"] = Metadata["RtmpxDll"],
                ["RTMPX_XPROTECT_DOUBLE_DLL"] = Metadata["XProtectDoubleDll"],
                ["RTMPX_TEST_PACKAGE"] = RtmpXProtect.Tests.Shared.RtmpxPackages.CanPublish() || Environment.GetEnvironmentVariable("CI") == "true"
                    ? RtmpXProtect.Tests.Shared.RtmpxPackages.Folder()
                    : string.Empty,
            };
            var run = await PowerShellTool.RunAsync(
                RepositoryRoot,
                new[]
                {
                    "-File", Path.Combine("tests", "Pester", "Invoke-RtmpPester.ps1"),
                    "-Path", Path.Combine("tests", "Pester", file),
                    "-PesterModule", Metadata["PesterModule"],
                    "-ResultPath", json,
                    "-NUnitPath", Path.Combine(results, Path.GetFileNameWithoutExtension(file) + ".xml"),
                },
                environment,
                TimeSpan.FromMinutes(10));
            _output.WriteLine(run.Output);

            Assert.True(File.Exists(json), $"{file}: the runner wrote no results (exit {run.ExitCode}):\n{run.Output}");
            var outcomes = JsonSerializer.Deserialize<List<Outcome>>(File.ReadAllText(json), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
            var failed = outcomes.Where(o => o.Result == "Failed").ToList();
            Assert.True(failed.Count == 0, $"{file}: {failed.Count} of {outcomes.Count} failed:\n" + string.Join("\n", failed.Select(f => $"[-] {f.Name}\n    {f.Message.Replace("\n", "\n    ")}")));
            // Outside CI a file may skip whole for want of a peer (ffmpeg); otherwise something must have run.
            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            var allSkipped = outcomes.Count > 0 && outcomes.All(o => o.Result == "Skipped");
            Assert.True(outcomes.Any(o => o.Result == "Passed") || (!ci && allSkipped), $"{file}: no test passed:\n{run.Output}");
            Assert.Equal(0, run.ExitCode);

            // Under CI nothing PowerShell-related may skip: a skipped test there means a missing peer.
            if (ci)
            {
                var skipped = outcomes.Where(o => o.Result == "Skipped").Select(o => o.Name).ToList();
                Assert.True(skipped.Count == 0, $"{file}: skipped under CI=true:\n" + string.Join("\n", skipped));
            }
        }

        private sealed record Outcome(string Name, string Result, string Message, double Seconds);
    }
}
