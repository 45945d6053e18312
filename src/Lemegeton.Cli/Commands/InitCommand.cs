using System.CommandLine;
using System.Text;
using System.Text.Json;
using Lemegeton.Cli.Configuration;
using Lemegeton.Hocon.Configuration;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// <c>lemegeton init [--json]</c>: prepares a repository: <c>.lemegeton/lemegeton.conf</c> with every
/// default commented out, a sample task list when there is none, and <c>.gitignore</c> entries for the
/// hub's runtime files. Idempotent: what exists is kept.
/// </summary>
public sealed class InitCommand : Command
{
    /// <summary>The lines <c>init</c> makes sure .gitignore has.</summary>
    public static readonly string[] GitignoreLines = [".lemegeton/*", "!.lemegeton/lemegeton.conf"];

    public InitCommand(CliEnvironment environment)
        : base("init", "Prepare this repository for Lemegeton: .lemegeton/lemegeton.conf (defaults, commented), a sample task list when there is none, "
            + ".gitignore entries for the hub's files. Safe to run again: existing files are kept.\nExample: lemegeton init")
    {
        var json = TaskListOptions.JsonOption();
        Add(json);
        SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var root = RepositoryLocator.FindRoot(environment.WorkingDirectory);
            var created = new List<string>();
            var kept = new List<string>();
            var warnings = new List<string>();
            if (!Directory.Exists(Path.Combine(root, ".git")) && !File.Exists(Path.Combine(root, ".git")))
                warnings.Add($"{root} is not a git repository: the hub commits the task list to git; run 'git init' first");

            var state = Path.Combine(root, ".lemegeton");
            if (!Directory.Exists(state))
            {
                Directory.CreateDirectory(state);
                created.Add(".lemegeton/");
            }
            var conf = LemegetonConfiguration.ProjectFilePath(root);
            if (File.Exists(conf)) kept.Add(Relative(root, conf));
            else
            {
                File.WriteAllText(conf, CommentedDefaults());
                created.Add(Relative(root, conf));
            }

            // The default path; a project that configured another one (before init) keeps it.
            var settings = GlobalOptions.LoadSettings(result, environment);
            if (settings is null) return CliExitCodes.Usage;
            var taskList = Path.Combine(root, settings.TaskListPath);
            if (File.Exists(taskList)) kept.Add(Relative(root, taskList));
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(taskList)!);
                File.WriteAllText(taskList, SampleTaskList());
                created.Add(Relative(root, taskList));
            }

            var gitignore = Path.Combine(root, ".gitignore");
            var existing = File.Exists(gitignore) ? File.ReadAllLines(gitignore) : [];
            var missing = GitignoreLines.Where(l => !existing.Any(e => e.Trim() == l)).ToList();
            if (missing.Count > 0)
            {
                var text = new StringBuilder();
                if (existing.Length > 0 && !File.ReadAllText(gitignore).EndsWith('\n')) text.Append('\n');
                text.Append("# Lemegeton: the hub's runtime files (socket, PID, logs, journal); the configuration is shared\n");
                foreach (var line in missing) text.Append(line).Append('\n');
                File.AppendAllText(gitignore, text.ToString());
            }

            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new InitReport(root, created, kept, missing, warnings), CliJsonContext.Default.InitReport));
                return CliExitCodes.Success;
            }
            foreach (var w in warnings) result.InvocationConfiguration.Error.WriteLine($"warning: {TerminalText.Escape(w)}");
            foreach (var c in created) output.WriteLine($"created {TerminalText.Escape(c)}");
            foreach (var k in kept) output.WriteLine($"kept    {TerminalText.Escape(k)} (exists)");
            output.WriteLine(missing.Count > 0 ? $"added to .gitignore: {string.Join(" ", missing)}" : "kept    .gitignore (has the entries)");
            output.WriteLine(created.Count == 0 && missing.Count == 0
                ? "nothing to do: this repository is set up"
                : "next: edit the task list, check with 'lemegeton doctor', then 'lemegeton hub start'");
            return CliExitCodes.Success;
        });
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>The product's section of reference.conf, every line commented out, under a header.</summary>
    internal static string CommentedDefaults()
    {
        var text = new StringBuilder();
        text.Append("# Lemegeton configuration for this repository (HOCON). Every key below is the built-in default,\n");
        text.Append("# commented out: uncomment and change what you need. Precedence, lowest first: built-in defaults,\n");
        text.Append("# this file, LEMEGETON__SECTION__KEY variables, --set key=value flags. 'lemegeton config show' prints\n");
        text.Append("# the result; 'lemegeton doctor' checks it. Akka.NET keys (akka { ... }) may be set here too.\n\n");
        var reference = LemegetonConfiguration.ReadReferenceConf().Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = reference.IndexOf("\nlemegeton {", StringComparison.Ordinal);
        var end = reference.IndexOf("\n}\n", start < 0 ? 0 : start, StringComparison.Ordinal);
        var section = start >= 0 && end > start ? reference[(start + 1)..(end + 2)] : reference;
        foreach (var line in section.Split('\n'))
            text.Append(line.Length == 0 ? "#\n" : line.TrimStart().StartsWith('#') ? $"#{line}\n" : $"# {line}\n");
        return text.ToString();
    }

    internal static string SampleTaskList()
    {
        using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("example-task-list.md")
            ?? throw new InvalidOperationException("the sample task list is missing from the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
