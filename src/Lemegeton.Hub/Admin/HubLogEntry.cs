namespace Lemegeton.Hub.Admin;

/// <summary>One entry of the hub's log as <c>GET /v1/logs</c> streams it (one JSON object per line).</summary>
/// <param name="Timestamp">As written in the file (local time with offset), or null when the line has none.</param>
/// <param name="Level">trace, debug, information, warning, error or critical.</param>
/// <param name="Text">The entry as written (with its exception lines, if any).</param>
public sealed record HubLogEntry(string? Timestamp, string Level, string Text);
