using System.Text.Json.Serialization;

namespace Lemegeton.Cli.Commands;

/// <summary>JSON written by <c>tasks schedule --json</c>.</summary>
public sealed record ScheduleReport(
    string Path,
    IReadOnlyList<ScheduleAgentJson> Agents,
    int MaxParallel,
    string Strategy,
    IReadOnlyList<ScheduleAssignmentJson> Assignments,
    IReadOnlyList<ScheduleWaitingJson> Waiting,
    IReadOnlyList<string> Warnings);

public sealed record ScheduleAgentJson(string Id, string Type);

public sealed record ScheduleAssignmentJson(string PrId, string Title, string AgentId, string AgentType, string Model, string Work, int Complexity, int EstimatedMinutes, int Line);

/// <summary>A waiting PR: <c>kind</c> is stable for programs, <c>reason</c> is for people; <c>line</c> is its heading in the task list.</summary>
public sealed record ScheduleWaitingJson(string PrId, string ColdState, string Kind, string Reason, string? OtherPrId, string? Path, int Line);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScheduleReport))]
public sealed partial class ScheduleJsonContext : JsonSerializerContext;
