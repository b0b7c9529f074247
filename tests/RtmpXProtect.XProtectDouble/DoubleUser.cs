namespace RtmpXProtect.XProtectDouble;

/// <summary>A basic user the double's identity provider accepts.</summary>
public sealed record DoubleUser(string Name, string Password);
