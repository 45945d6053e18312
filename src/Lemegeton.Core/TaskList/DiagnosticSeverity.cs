namespace Lemegeton.Core.TaskList;

/// <summary>How bad a task-list problem is. Errors make a list invalid; warnings do not.</summary>
public enum DiagnosticSeverity { Error, Warning }
