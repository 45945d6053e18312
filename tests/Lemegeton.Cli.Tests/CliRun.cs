using Lemegeton.Cli;

namespace Lemegeton.Cli.Tests;

/// <summary>Runs the real command tree in-process against temp files and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(string workingDirectory, params string[] args) => With(workingDirectory, new System.Collections.Hashtable(), args);

    /// <summary>Runs with exactly these environment variables (none of the process's).</summary>
    public static CliRun With(string workingDirectory, System.Collections.IDictionary variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, new CliEnvironment(workingDirectory, variables));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>A temp folder with a task list in it, removed afterwards.</summary>
public sealed class TempTaskList : IDisposable
{
    public TempTaskList() => Directory = System.IO.Directory.CreateTempSubdirectory("lemegeton-cli-").FullName;

    public string Directory { get; }

    public string Write(string text, string relative = "task-list.md")
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    public static string Pr(string id, string deps = "[]", string state = "ready", string title = "Title") => $"""
        ### {id}: {title}

        ---
        pr_id: {id}
        title: {title}
        cold_state: {state}
        priority: high
        complexity:
          score: 3
          estimated_minutes: 30
          suggested_model: haiku
          rationale: small
        dependencies: {deps}
        estimated_files:
          - path: src/{id}.cs
            action: create
            description: code
        ---

        **Acceptance Criteria:**
        - [ ] done

        """;

    public static string List(params string[] prs) => "# Task List for CLI tests\n\n**Generated for:** tests\n\n" + string.Concat(prs);
}
