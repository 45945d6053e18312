using System.Text.Json.Serialization;

namespace Lemegeton.Cli.Commands;

/// <summary>JSON written by <c>tasks validate --json</c>.</summary>
public sealed record ValidationReport(string Path, bool Valid, int PrCount, int Errors, int Warnings, IReadOnlyList<DiagnosticJson> Diagnostics);

public sealed record DiagnosticJson(string Severity, string? Path, int Line, int Column, string? PrId, string? Field, string Message, string? Hint);

/// <summary>One PR as written by <c>tasks list --json</c>; enum values use the task list's own spelling.</summary>
public sealed record PrJson(
    string Id,
    string Title,
    string ColdState,
    string Priority,
    ComplexityJson? Complexity,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<FileJson> EstimatedFiles,
    IReadOnlyList<FileJson> ActualFiles,
    int Line);

public sealed record ComplexityJson(int Score, int EstimatedMinutes, string? SuggestedModel, string Rationale);

public sealed record FileJson(string Path, string Action, string? Description);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(IReadOnlyList<PrJson>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(InitReport))]
[JsonSerializable(typeof(IReadOnlyList<DoctorCheck>))]
public sealed partial class CliJsonContext : JsonSerializerContext;
