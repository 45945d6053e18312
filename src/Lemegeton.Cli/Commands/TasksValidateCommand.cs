using System.CommandLine;
using System.Text.Json;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton tasks validate [PATH] [--lenient] [--json]</c>: exit 0 when valid, 1 when not.</summary>
public sealed class TasksValidateCommand : Command
{
    public TasksValidateCommand(CliEnvironment environment)
        : base("validate", "Check the task list and print every problem as path:line:col: PR: field: message, with a hint. Exit code 0 when valid, 1 when not.")
    {
        var path = TaskListOptions.PathArgument();
        var lenient = TaskListOptions.LenientOption();
        var json = TaskListOptions.JsonOption();
        Add(path);
        Add(lenient);
        Add(json);
        SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var settings = GlobalOptions.LoadSettings(result, environment);
            if (settings is null) return 2;
            var file = TaskListOptions.ResolvePath(result.GetValue(path), environment, settings);
            var doc = TaskListOptions.TryLoad(file, result.GetValue(lenient), settings, out var failure);
            var diagnostics = doc?.Diagnostics ?? failure!.Diagnostics;
            var prCount = (doc ?? failure?.Document)?.Prs.Count ?? 0;
            var errors = diagnostics.Count(d => d.IsError);
            var warnings = diagnostics.Count - errors;
            var valid = errors == 0 && failure is null;
            if (result.GetValue(json))
            {
                var report = new ValidationReport(file, valid, prCount, errors, warnings,
                    diagnostics.Select(d => new DiagnosticJson(d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
                        d.Path, d.Line, d.Column, d.PrId, d.Field, d.Message, d.Hint)).ToArray());
                output.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.ValidationReport));
                return valid ? 0 : 1;
            }
            TaskListOptions.WriteDiagnostics(output, diagnostics);
            if (valid)
                output.WriteLine($"{TerminalText.Escape(file)}: valid, {prCount} PR{(prCount == 1 ? "" : "s")}{(warnings > 0 ? $", {warnings} warning{(warnings == 1 ? "" : "s")}" : "")}");
            else
            {
                output.WriteLine($"{TerminalText.Escape(file)}: invalid, {errors} error{(errors == 1 ? "" : "s")}{(warnings > 0 ? $", {warnings} warning{(warnings == 1 ? "" : "s")}" : "")}");
                if (failure?.Document is not null && !result.GetValue(lenient))
                    output.WriteLine("Fix the errors above, or run with --lenient to see which PRs would still load.");
            }
            return valid ? 0 : 1;
        });
    }
}
