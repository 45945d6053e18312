namespace Lemegeton.Cli.Commands;

/// <summary>One check of <c>lemegeton doctor</c>: <paramref name="Status"/> is <c>ok</c>, <c>warning</c> or <c>error</c>; <paramref name="Fix"/> says what to do.</summary>
public sealed record DoctorCheck(string Name, string Status, string Detail, string? Fix);
