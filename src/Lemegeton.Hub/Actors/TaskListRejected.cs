namespace Lemegeton.Hub.Actors;

/// <summary>
/// Published on the event stream (and logged) when an edited task list has errors: the hub keeps the
/// previous list. Each error reads <c>path:line:col: PR-012: field: message</c>.
/// </summary>
public sealed record TaskListRejected(string Path, IReadOnlyList<string> Errors);
