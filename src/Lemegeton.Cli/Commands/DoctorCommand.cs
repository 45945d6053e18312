using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Lemegeton.Cli.Configuration;
using Lemegeton.Hocon.Configuration;
using Lemegeton.Hub.Daemon;
using Lemegeton.Storage.Git;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// <c>lemegeton doctor [--json]</c>: checks what the hub needs — git, <c>redis-server</c>, the permissions
/// of the files under <c>.lemegeton/</c>, the cluster port, the configuration and the task list — and says
/// how to fix each problem. Exit 0 when nothing is an error (warnings allowed), 1 otherwise.
/// </summary>
public sealed class DoctorCommand : Command
{
    public DoctorCommand(CliEnvironment environment)
        : base("doctor", "Check git, redis-server, permissions of .lemegeton files, ports, configuration and the task list; say how to fix each problem. "
            + "Exit 1 when something is an error.\nExample: lemegeton doctor")
    {
        var json = TaskListOptions.JsonOption();
        Add(json);
        SetAction(result =>
        {
            var checks = Run(result, environment);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize<IReadOnlyList<DoctorCheck>>(checks, CliJsonContext.Default.IReadOnlyListDoctorCheck));
            else
            {
                foreach (var c in checks)
                {
                    var mark = c.Status switch { "ok" => "ok  ", "warning" => "warn", _ => "FAIL" };
                    output.WriteLine($"[{mark}] {c.Name}: {TerminalText.Escape(c.Detail)}");
                    if (c.Fix is not null) output.WriteLine($"       fix: {TerminalText.Escape(c.Fix)}");
                }
                var errors = checks.Count(c => c.Status == "error");
                var warnings = checks.Count(c => c.Status == "warning");
                output.WriteLine(errors == 0 ? $"no problems found{(warnings > 0 ? $" ({warnings} warning(s))" : "")}" : $"{errors} problem(s), {warnings} warning(s)");
            }
            return checks.Any(c => c.Status == "error") ? CliExitCodes.Failure : CliExitCodes.Success;
        });
    }

    private static List<DoctorCheck> Run(ParseResult result, CliEnvironment environment)
    {
        var checks = new List<DoctorCheck>();
        var root = RepositoryLocator.FindRoot(environment.WorkingDirectory);

        checks.Add(Tool("git", ["--version"]) is { } git
            ? new DoctorCheck("git", "ok", git, null)
            : new DoctorCheck("git", "error", "git is not on PATH", "install git (e.g. 'apt install git'); the hub commits the task list"));
        checks.Add(Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git"))
            ? new DoctorCheck("repository", "ok", root, null)
            : new DoctorCheck("repository", "error", $"{root} is not inside a git repository", "run 'git init' (and 'lemegeton init')"));
        if (GitLocks(root) is { } locks) checks.Add(locks);
        checks.Add(Tool("redis-server", ["--version"]) is { } redis
            ? new DoctorCheck("redis-server", "ok", redis, null)
            : new DoctorCheck("redis-server", "warning", "redis-server is not on PATH (needed only for the Redis journal and leases)",
                "install Redis 7+ (e.g. 'apt install redis-server') or keep the local journal"));

        // Configuration: every layer, then the hub's sections.
        var error = new StringWriter();
        ProductSettings? product = null;
        try
        {
            product = ProductSettings.Load(environment.WorkingDirectory, result.GetValue<string[]>(GlobalOptions.SetName) ?? [], environment.Variables);
            var hub = product.Bind<HubOptions>("hub");
            var logging = product.Bind<LoggingOptions>("logging");
            var problems = hub.Validate().Concat(logging.Validate()).ToList();
            checks.Add(problems.Count == 0
                ? new DoctorCheck("configuration", "ok", File.Exists(LemegetonConfiguration.ProjectFilePath(root)) ? ".lemegeton/lemegeton.conf and defaults" : "defaults (no .lemegeton/lemegeton.conf)", null)
                : new DoctorCheck("configuration", "error", string.Join("; ", problems), "correct the keys named in .lemegeton/lemegeton.conf ('lemegeton config show' prints the effective values)"));
        }
        catch (ConfigurationException e)
        {
            checks.Add(new DoctorCheck("configuration", "error", e.Message, "correct the file, variable or --set flag named ('lemegeton config show' prints the effective values)"));
        }

        // Task list.
        if (product is not null)
        {
            var path = Path.Combine(root, product.TaskListPath);
            if (!File.Exists(path))
                checks.Add(new DoctorCheck("task list", "error", $"{product.TaskListPath} does not exist", "run 'lemegeton init' for a sample, or set task-list.path"));
            else
            {
                var doc = TaskListOptions.TryLoad(path, lenient: false, product, out var failure);
                checks.Add(doc is null
                    ? new DoctorCheck("task list", "error", failure?.Message ?? "cannot be read", "run 'lemegeton tasks validate' for every problem with its line")
                    : doc.IsValid
                        ? new DoctorCheck("task list", "ok", $"{product.TaskListPath}: {doc.Prs.Count} PR(s), valid", null)
                        : new DoctorCheck("task list", "error", $"{product.TaskListPath}: {doc.Diagnostics.Count(d => d.IsError)} error(s)", "run 'lemegeton tasks validate' for every problem with its line"));
            }
        }

        if (!OperatingSystem.IsWindows()) checks.AddRange(Permissions(root));

        // The cluster port: free, or held by this repository's hub.
        var paths = new HubPaths(root);
        var hubPid = HubInstanceLock.RunningPid(paths);
        var portText = product?.Akka.Find("akka.remote.dot-netty.tcp.port")?.ToString() ?? product?.Akka.Find("remote.dot-netty.tcp.port")?.ToString();
        if (int.TryParse(portText, out var port) && port > 0)
        {
            if (hubPid is { } pid) checks.Add(new DoctorCheck("port", "ok", $"{port} (the hub of this repository, pid {pid}, runs)", null));
            else if (PortFree(port)) checks.Add(new DoctorCheck("port", "ok", $"{port} is free", null));
            else checks.Add(new DoctorCheck("port", "error", $"port {port} (akka.remote.dot-netty.tcp.port) is in use by another process",
                $"stop that process (see 'ss -ltnp sport = :{port}') or set another port: --set akka.remote.dot-netty.tcp.port=N or in .lemegeton/lemegeton.conf"));
        }
        checks.Add(hubPid is { } running
            ? new DoctorCheck("hub", "ok", $"running (pid {running})", null)
            : new DoctorCheck("hub", "ok", "not running", null));
        return checks;
    }

    /// <summary>
    /// Git's lock files: while one is there every git command (and the hub's commits) fails with "File
    /// exists". A running git command holds one for milliseconds; one that stays was left by a killed
    /// process. Null when the repository's git folder cannot be found.
    /// </summary>
    private static DoctorCheck? GitLocks(string root)
    {
        if (GitDirectories.GitDirOf(root) is not { } gitDir) return null;
        var common = GitDirectories.CommonDir(gitDir);
        var candidates = new[] { Path.Combine(gitDir, "index.lock"), Path.Combine(gitDir, "HEAD.lock"), Path.Combine(common, "packed-refs.lock") }
            .Where(File.Exists)
            .Concat(Directory.Exists(Path.Combine(common, "refs")) ? Directory.EnumerateFiles(Path.Combine(common, "refs"), "*.lock", SearchOption.AllDirectories) : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0) return new DoctorCheck("git locks", "ok", "no git lock files", null);
        var now = DateTime.UtcNow;
        var listed = string.Join(", ", candidates.Select(f => $"{Path.GetRelativePath(root, f)} ({(now - File.GetLastWriteTimeUtc(f)).TotalSeconds:0} s old)"));
        var fromKilledHub = File.Exists(Path.Combine(gitDir, GitDirectories.LocksMarker));
        return new DoctorCheck("git locks", "warning", $"{listed}: every git command fails while they are there",
            (fromKilledHub ? "a hub was killed in the middle of a commit: the next 'lemegeton hub start' removes the lock files it left; " : "")
            + "if no git command is running, delete them: rm " + string.Join(' ', candidates.Select(f => Path.GetRelativePath(root, f))));
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static IEnumerable<DoctorCheck> Permissions(string root)
    {
        var state = Path.Combine(root, ".lemegeton");
        if (!Directory.Exists(state))
        {
            yield return new DoctorCheck("permissions", "warning", ".lemegeton/ does not exist yet", "run 'lemegeton init'");
            yield break;
        }
        var bad = new List<string>();
        foreach (var (name, dir) in new[] { ("run", true), ("logs", true), ("hub.sock", false), ("hub.pid", false), ("hub.lock", false) })
        {
            var path = Path.Combine(state, name);
            if (!(dir ? Directory.Exists(path) : File.Exists(path))) continue;
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
                bad.Add($"chmod {(dir ? "700" : "600")} {Path.Combine(".lemegeton", name)}");
        }
        var conf = LemegetonConfiguration.ProjectFilePath(root);
        if (File.Exists(conf) && (File.GetUnixFileMode(conf) & UnixFileMode.OtherWrite) != 0) bad.Add("chmod o-w .lemegeton/lemegeton.conf");
        yield return bad.Count == 0
            ? new DoctorCheck("permissions", "ok", ".lemegeton/ files are private to you", null)
            : new DoctorCheck("permissions", "error", "others can read or write hub files under .lemegeton/", string.Join("; ", bad));
    }

    private static bool PortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string? Tool(string name, string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi);
            if (p is null) return null;
            var text = p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            if (!p.WaitForExit(10_000)) { p.Kill(); return null; }
            return p.ExitCode == 0 ? text.Trim().Split('\n')[0] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
