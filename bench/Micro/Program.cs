using BenchmarkDotNet.Running;

namespace RtmpXProtect.Bench.Micro
{
    /// <summary>Runs the micro benchmarks: dotnet run -c Release -- --filter '*' --job short.</summary>
    public static class Program
    {
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
