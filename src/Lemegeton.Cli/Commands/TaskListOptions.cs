using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Lemegeton.Cli.Configuration;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Cli.Commands;

/// <summary>The argument and options shared by the <c>tasks</c> subcommands, and how they find and load the list.</summary>
public static class TaskListOptions
{
    public const string DefaultRelativePath = "docs/task-list.md";

    public static Argument<string?> PathArgument() => new("PATH")
    {
        Description = $"The task list to read. Default: {DefaultRelativePath} in the root of the current git repository (or the current folder outside one).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<bool> LenientOption() => new("--lenient")
    {
        Description = "Load what can be loaded: PRs with a valid pr_id, cold_state and dependencies load with defaults for the rest, "
            + "and other problems are warnings. Without it any problem makes the list invalid. Default: lemegeton.task-list.mode (strict).",
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Write machine-readable JSON to standard output." };

    /// <summary>
    /// The path given, or the configured task list (<c>lemegeton.task-list.path</c>, default
    /// docs/task-list.md) at the root of the git repository around the working directory. Shown
    /// relative to the working directory when it lies under it, as users typed it.
    /// </summary>
    public static string ResolvePath(string? path, CliEnvironment environment, ProductSettings settings)
    {
        var cwd = environment.WorkingDirectory;
        var full = !string.IsNullOrWhiteSpace(path)
            ? Path.GetFullPath(path, cwd)
            : Path.GetFullPath(settings.TaskListPath, settings.RepositoryRoot);
        if (!string.Equals(Path.GetFullPath(cwd), Path.GetFullPath(Environment.CurrentDirectory), StringComparison.Ordinal)) return full;
        var relative = Path.GetRelativePath(cwd, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }

    /// <summary>
    /// Loads the list with the configured parse options (<c>lemegeton.task-list.*</c>), lenient when
    /// <paramref name="lenient"/> is set. On refusal returns null and the exception; the caller reports it.
    /// </summary>
    public static TaskListDocument? TryLoad(string path, bool lenient, ProductSettings settings, out TaskListException? failure)
    {
        var options = settings.TaskList;
        if (lenient) options = options with { Mode = TaskListValidationMode.Lenient };
        try
        {
            failure = null;
            return TaskListDocument.Load(path, options);
        }
        catch (TaskListException e)
        {
            failure = e;
            return null;
        }
    }

    /// <summary>
    /// What the commands that work on a loaded list share: read the configuration, resolve the path,
    /// load the list. On failure writes why to standard error and gives the exit code: 2 for a
    /// configuration error, 1 for a list that does not load (<paramref name="verb"/> completes the
    /// advice "run with --lenient to … the PRs that load").
    /// </summary>
    public static bool TryLoadForCommand(ParseResult result, CliEnvironment environment, Argument<string?> path, Option<bool> lenient, string verb,
        [NotNullWhen(true)] out TaskListDocument? document, [NotNullWhen(true)] out ProductSettings? settings, out string file, out int exitCode)
    {
        document = null;
        file = "";
        exitCode = 2;
        settings = GlobalOptions.LoadSettings(result, environment);
        if (settings is null) return false;
        file = ResolvePath(result.GetValue(path), environment, settings);
        document = TryLoad(file, result.GetValue(lenient), settings, out var failure);
        if (document is not null) return true;
        var error = result.InvocationConfiguration.Error;
        WriteDiagnostics(error, failure!.Diagnostics);
        if (failure.Document is not null) error.WriteLine($"{TerminalText.Escape(file)}: invalid; fix the errors above or run with --lenient to {verb} the PRs that load.");
        exitCode = 1;
        return false;
    }

    /// <summary>Writes each diagnostic as <c>path:line:col: PR: field: message</c>, with its hint on the next line.</summary>
    public static void WriteDiagnostics(TextWriter writer, IEnumerable<TaskListDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            writer.WriteLine(TerminalText.Escape(d.Headline));
            if (d.Hint is not null) writer.WriteLine("    hint: " + TerminalText.Escape(d.Hint));
        }
    }
}
