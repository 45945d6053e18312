namespace Lemegeton.Agent;

/// <summary>A command's own verdict, given over the local socket before it exits (<c>complete</c> or <c>fail</c>).</summary>
public sealed record LocalDeclaration(bool Complete, string? Message, string? Commit);
