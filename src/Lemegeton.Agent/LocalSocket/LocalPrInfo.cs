namespace Lemegeton.Agent.LocalSocket;

/// <summary>The PR an agent works on, as its command and its MCP tools see it.</summary>
public sealed record LocalPrInfo(
    string PrId,
    string Title,
    string Kind,
    string Body,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> AcceptanceCriteria,
    long FencingToken,
    string? Branch,
    string PrFile,
    int Attempt);
