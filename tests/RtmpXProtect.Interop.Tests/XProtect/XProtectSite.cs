using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.XProtectDouble;

namespace RtmpXProtect.Interop.Tests.XProtect;

/// <summary>The XProtect double with one user, and an rtmpx.json whose xprotect section reaches it, the password in a file beside it.</summary>
internal static class XProtectSite
{
    public const string Password = "Xp-interop-pa55!";

    public static Task<XProtectDoubleServer> StartAsync(Action<XProtectDoubleServer> configure, bool tls = false) =>
        XProtectDoubleServer.StartAsync(tls, s =>
        {
            s.Users.Add(new DoubleUser("operator", Password));
            configure(s);
        });

    public static string WriteConfig(TempDirectory temp, XProtectDoubleServer site, bool allowUntrusted = false)
    {
        File.WriteAllText(temp.File("xprotect.password"), Password + "\n");
        var config = temp.File("rtmpx.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            xprotect = new { server = site.ManagementServer.ToString(), user = "operator", passwordFile = "xprotect.password", allowUntrustedCertificate = allowUntrusted },
        }));
        return config;
    }

    /// <summary>No password and no token the double issued appears in <paramref name="output"/>.</summary>
    public static void AssertNoSecret(XProtectDoubleServer site, string output)
    {
        Xunit.Assert.DoesNotContain(Password, output);
        foreach (var token in site.Tokens.All())
        {
            Xunit.Assert.DoesNotContain(token, output);
        }

        Xunit.Assert.DoesNotContain("TOKEN#", output);
    }

    public static DoubleCamera Camera(string name, System.Collections.Generic.IReadOnlyList<RecordedPicture> recording) =>
        new(name, recording) { Live = recording.Where(p => p.PresentationTime < recording[0].PresentationTime + 20_000).ToList() };
}
