using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace RtmpXProtect.XProtectDouble;

/// <summary>The tokens the double has issued and when each expires; the ImageServer checks recorder tokens here.</summary>
public sealed class TokenRegistry
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _access = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recorder = new();

    /// <summary>OAuth expires_in (OLF shows 3600 s).</summary>
    public TimeSpan AccessLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Login's TimeToLive (SCW: 1 h by default; WIP saw 4 h).</summary>
    public TimeSpan RecorderLifetime { get; set; } = TimeSpan.FromHours(1);

    public int AccessTokensIssued => _access.Count;

    public int RecorderTokensIssued => _recorder.Count;

    public string IssueAccess()
    {
        var token = "eyJ" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _access[token] = DateTimeOffset.UtcNow + AccessLifetime;
        return token;
    }

    /// <summary>The form SCW and OLF show: TOKEN#guid#host//ServerConnector#n.</summary>
    public string IssueRecorder()
    {
        var token = $"TOKEN#{Guid.NewGuid():D}#double//ServerConnector#{_recorder.Count}";
        _recorder[token] = DateTimeOffset.UtcNow + RecorderLifetime;
        return token;
    }

    public bool AccessValid(string? token) => token != null && _access.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;

    public bool RecorderValid(string? token) => token != null && _recorder.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;

    /// <summary>Every token issued, so a test can look for them in output.</summary>
    public string[] All()
    {
        var all = new string[_access.Count + _recorder.Count];
        _access.Keys.CopyTo(all, 0);
        _recorder.Keys.CopyTo(all, _access.Count);
        return all;
    }
}
