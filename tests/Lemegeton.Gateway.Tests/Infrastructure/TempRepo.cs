using System.Diagnostics;

namespace Lemegeton.Gateway.Tests.Infrastructure;

/// <summary>A git repository in a short temporary folder (Unix socket paths are limited to 107 bytes); deleted at the end.</summary>
public sealed class TempRepo : IDisposable
{
    public TempRepo()
    {
        Root = Path.Combine("/tmp", "lgw-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);
        using var git = Process.Start(new ProcessStartInfo("git", ["init", "-q", Root]) { UseShellExecute = false })!;
        git.WaitForExit();
    }

    public string Root { get; }

    public string Socket => Path.Combine(Root, ".lemegeton", "gateway.sock");

    public string StateDirectory => Path.Combine(Root, ".lemegeton", "state");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
