using Lemegeton.Core.TaskList;

namespace Lemegeton.Hub.Actors;

/// <summary>Task list watcher → coordinator: the file was edited and parses without errors.</summary>
public sealed record TaskListChanged(TaskListDocument Document);
