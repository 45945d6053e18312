using System.Reflection;

namespace Lemegeton.Hub.Daemon;

/// <summary>How to run this program again: the apphost itself, or <c>dotnet lemegeton.dll</c>.</summary>
public sealed record HubExecutable(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The executable of the current process, for re-running it as the background hub.</summary>
    public static HubExecutable Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running executable is unknown.");
        if (!string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase)) return new(process, []);
        var entry = Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(entry)
            ? throw new InvalidOperationException("Running under dotnet, but the entry assembly's path is unknown.")
            : new(process, [entry]);
    }
}
