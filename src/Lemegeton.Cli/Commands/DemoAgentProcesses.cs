using System.Globalization;

namespace Lemegeton.Cli.Commands;

/// <summary>Finds the process of a local agent: a <c>lemegeton agent … --id ID</c> whose working directory is the repository (Linux /proc).</summary>
public static class DemoAgentProcesses
{
    /// <summary>The PID of agent <paramref name="agentId"/> started in <paramref name="repositoryRoot"/>, or null.</summary>
    public static int? Find(string agentId, string repositoryRoot)
    {
        var root = Path.GetFullPath(repositoryRoot).TrimEnd('/');
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var id = Array.IndexOf(args, "--id");
                if (Array.IndexOf(args, "agent") < 0 || id < 0 || id + 1 >= args.Length || args[id + 1] != agentId) continue;
                var cwd = new DirectoryInfo(Path.Combine(dir, "cwd")).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (cwd is not null && cwd.TrimEnd('/') == root) return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }
}
