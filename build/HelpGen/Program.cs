using System;
using System.IO;
using System.Linq;

namespace RtmpXProtect.HelpGen
{
    /// <summary>HelpGen DOCS_DIR OUTPUT_XML: every command page of DOCS_DIR into one MAML file.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: HelpGen <docs/commands> <RtmpXProtect.dll-Help.xml>");
                return 2;
            }

            try
            {
                var pages = Directory.GetFiles(args[0], "*.md")
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => CommandPage.Parse(File.ReadAllText(f), Path.GetFileName(f)))
                    .ToList();
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
                MamlWriter.Write(pages, args[1]);
                Console.WriteLine($"HelpGen: {pages.Count} commands -> {args[1]}");
                return 0;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"HelpGen: error: {e.Message}");
                return 1;
            }
        }
    }
}
