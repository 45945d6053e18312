using System.Text.Json;
using Lemegeton.Cli.Commands;

namespace Lemegeton.Cli.Tests.Commands;

/// <summary>The operator commands in a repository where no hub runs, usage errors, and the commands that need no hub.</summary>
public sealed class OperatorCommandsWithoutHubTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lmg-cli-nohub-").FullName;

    public OperatorCommandsWithoutHubTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string[]> HubCommands() => new()
    {
        new[] { "status" }, new[] { "status", "--json" }, new[] { "status", "--watch" },
        new[] { "agents", "list" }, new[] { "agents", "show", "w1" }, new[] { "agents", "kick", "w1", "--json" },
        new[] { "prs", "list" }, new[] { "prs", "show", "PR-001" }, new[] { "prs", "why", "PR-001" }, new[] { "prs", "requeue", "PR-001" },
        new[] { "prs", "transition", "PR-001", "ready", "--reason", "r" },
        new[] { "leases", "list" }, new[] { "leases", "release", "a.cs", "--force" }, new[] { "leases", "release", "--agent", "w1", "--force" },
        new[] { "scheduling", "pause" }, new[] { "scheduling", "resume" },
        new[] { "mode", "show" }, new[] { "mode", "history" }, new[] { "actors" }, new[] { "actors", "/user/coordinator" },
        new[] { "cluster", "show" }, new[] { "cluster", "leave", "akka.tcp://lemegeton@127.0.0.1:1" }, new[] { "cluster", "down", "akka.tcp://lemegeton@127.0.0.1:1" },
        new[] { "log", "tail" }, new[] { "log", "tail", "-f" },
    };

    [Theory]
    [MemberData(nameof(HubCommands))]
    public void Without_a_hub_every_operator_command_exits_3_and_says_how_to_start_one(string[] args)
    {
        var run = CliRun.Of(_root, args);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"no hub is running in {_root}", run.Error);
        Assert.Contains("start one with 'lemegeton hub start'", run.Error);
        Assert.Equal("", run.Output);
    }

    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { new[] { "prs", "why" }, "Required argument missing" },
        { new[] { "prs", "transition", "PR-001", "ready" }, "--reason" },
        { new[] { "prs", "transition", "PR-001", "finished", "--reason", "r" }, "finished" },
        { new[] { "leases", "release", "a.cs" }, "add --force" },
        { new[] { "leases", "release", "--force" }, "name the leased files, or --agent ID" },
        { new[] { "leases", "release", "a.cs", "--agent", "w1", "--force" }, "not both" },
        { new[] { "log", "tail", "--level", "loud" }, "loud" },
        { new[] { "completion", "powershell" }, "powershell" },
        { new[] { "agents", "frobnicate" }, "frobnicate" },
        { new[] { "status", "--bogus" }, "--bogus" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Usage_errors_exit_2_with_the_problem_and_where_to_get_help(string[] args, string mention)
    {
        var run = CliRun.Of(_root, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(mention, run.Error);
        Assert.Contains("--help' for usage", run.Error);
    }

    [Fact]
    public void Bad_configuration_exits_2_for_operator_commands()
    {
        var run = CliRun.Of(_root, "status", "--set", "hub.stop-timeout=banana");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("stop-timeout", run.Error);
    }

    [Fact]
    public void Init_creates_the_configuration_a_sample_task_list_and_gitignore_entries_and_is_idempotent()
    {
        File.WriteAllText(Path.Combine(_root, ".gitignore"), "bin/");
        var first = CliRun.Of(_root, "init", "--json");
        Assert.Equal(0, first.ExitCode);
        using (var doc = JsonDocument.Parse(first.Output))
        {
            var created = doc.RootElement.GetProperty("created").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal([".lemegeton/", ".lemegeton/lemegeton.conf", "docs/task-list.md"], created);
            Assert.Equal(InitCommand.GitignoreLines, doc.RootElement.GetProperty("gitignoreAdded").EnumerateArray().Select(e => e.GetString()));
        }
        var conf = File.ReadAllText(Path.Combine(_root, ".lemegeton", "lemegeton.conf"));
        Assert.Contains("#   hub {", conf);
        Assert.Contains("#     stop-timeout = 45s", conf);
        Assert.DoesNotContain(conf.Split('\n'), l => l.Length > 0 && !l.StartsWith('#'));
        Assert.Equal(0, CliRun.Of(_root, "tasks", "validate").ExitCode);
        Assert.Equal("bin/\n# Lemegeton: the hub's runtime files (socket, PID, logs, journal); the configuration is shared\n.lemegeton/*\n!.lemegeton/lemegeton.conf\n",
            File.ReadAllText(Path.Combine(_root, ".gitignore")));

        File.WriteAllText(Path.Combine(_root, "docs", "task-list.md"), "mine");
        var second = CliRun.Of(_root, "init");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("nothing to do: this repository is set up", second.Output);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_root, "docs", "task-list.md")));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_root, ".gitignore")).Length);
        var config = CliRun.Of(_root, "config", "show");
        Assert.Equal(0, config.ExitCode);
    }

    [Fact]
    public void Doctor_reports_each_problem_with_a_fix_and_exits_1_then_0_once_fixed()
    {
        var free = FreePort();
        var broken = CliRun.Of(_root, "doctor", "--json", "--set", $"akka.remote.dot-netty.tcp.port={free}");
        Assert.Equal(1, broken.ExitCode);
        using (var doc = JsonDocument.Parse(broken.Output))
        {
            var checks = doc.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
            Assert.Equal("error", checks["task list"].GetProperty("status").GetString());
            Assert.Contains("lemegeton init", checks["task list"].GetProperty("fix").GetString());
            Assert.Equal("ok", checks["git"].GetProperty("status").GetString());
            Assert.Equal("ok", checks["port"].GetProperty("status").GetString());
        }

        Assert.Equal(0, CliRun.Of(_root, "init").ExitCode);
        var logs = Directory.CreateDirectory(Path.Combine(_root, ".lemegeton", "logs")).FullName;
        File.SetUnixFileMode(logs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var perms = CliRun.Of(_root, "doctor", "--set", $"akka.remote.dot-netty.tcp.port={free}");
        Assert.Equal(1, perms.ExitCode);
        Assert.Contains("[FAIL] permissions", perms.Output);
        Assert.Contains("fix: chmod 700 .lemegeton/logs", perms.Output);

        File.SetUnixFileMode(logs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        taken.Start();
        var busy = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var port = CliRun.Of(_root, "doctor", "--set", $"akka.remote.dot-netty.tcp.port={busy}");
        Assert.Equal(1, port.ExitCode);
        Assert.Contains($"port {busy} (akka.remote.dot-netty.tcp.port) is in use", port.Output);

        var good = CliRun.Of(_root, "doctor", "--set", $"akka.remote.dot-netty.tcp.port={free}");
        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Contains("no problems found", good.Output);
    }

    [Fact]
    public void Doctor_names_git_lock_files_left_behind_and_how_to_clear_them()
    {
        var free = FreePort();
        static string Status(CliRun run)
        {
            using var doc = JsonDocument.Parse(run.Output);
            return doc.RootElement.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "git locks").GetProperty("status").GetString()!;
        }
        Assert.Equal("ok", Status(CliRun.Of(_root, "doctor", "--json", "--set", $"akka.remote.dot-netty.tcp.port={free}")));

        var refs = Directory.CreateDirectory(Path.Combine(_root, ".git", "refs", "heads")).FullName;
        File.WriteAllText(Path.Combine(refs, "main.lock"), "");
        File.WriteAllText(Path.Combine(_root, ".git", "index.lock"), "");
        var run = CliRun.Of(_root, "doctor", "--set", $"akka.remote.dot-netty.tcp.port={free}");

        Assert.Contains("git locks", run.Output);
        Assert.Contains(Path.Combine(".git", "refs", "heads", "main.lock"), run.Output);
        Assert.Contains("rm .git/index.lock .git/refs/heads/main.lock", run.Output);
        Assert.Equal("warning", Status(CliRun.Of(_root, "doctor", "--json", "--set", $"akka.remote.dot-netty.tcp.port={free}")));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _lemegeton_complete lemegeton")]
    [InlineData("zsh", "compdef _lemegeton_complete lemegeton")]
    [InlineData("fish", "complete -c lemegeton")]
    public void Completion_prints_a_script_that_asks_the_cli_for_suggestions(string shell, string registration)
    {
        var run = CliRun.Of(_root, "completion", shell);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(registration, run.Output);
        Assert.Contains("[suggest:", run.Output);

        var suggestions = CliRun.Of(_root, "[suggest:14]", "lemegeton prs ");
        Assert.Equal(0, suggestions.ExitCode);
        Assert.Contains("why", suggestions.Output.Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void Version_and_help_with_an_example_for_every_command()
    {
        var version = CliRun.Of(_root, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output);

        var root = CliApp.BuildRootCommand(new CliEnvironment(_root));
        foreach (var command in Walk(root).Where(c => c != root && c.Name != "tasks" && c.Name != "config" && c.Name != "hub" && c.Parents.All(p => p.Name is not ("tasks" or "config" or "hub"))))
        {
            var path = Path(command);
            var help = CliRun.Of(_root, [.. path, "--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("Example: lemegeton " + string.Join(' ', path), help.Output);
        }

        static IEnumerable<System.CommandLine.Command> Walk(System.CommandLine.Command c) => new[] { c }.Concat(c.Subcommands.SelectMany(Walk));

        static string[] Path(System.CommandLine.Command c)
        {
            var names = new List<string>();
            for (System.CommandLine.Symbol? s = c; s is System.CommandLine.Command cmd && cmd is not System.CommandLine.RootCommand; s = cmd.Parents.FirstOrDefault())
                names.Insert(0, cmd.Name);
            return [.. names];
        }
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
