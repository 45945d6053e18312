namespace Lemegeton.Protocol.Work;

/// <summary>The values of <see cref="FailPr.Category"/>: what the hub does with the PR next.</summary>
public static class FailureCategories
{
    /// <summary>A passing problem (network, rate limit): the PR may be retried, by this or another agent.</summary>
    public const string Transient = "transient";

    /// <summary>The assignment itself was wrong (missing files, wrong agent type): the hub reconsiders it.</summary>
    public const string Assignment = "assignment";

    /// <summary>The work was attempted and failed (tests, build): the PR is marked broken.</summary>
    public const string Execution = "execution";

    /// <summary>The agent cannot go on: the hub ends its session after handling the failure.</summary>
    public const string Fatal = "fatal";

    public static IReadOnlyList<string> All { get; } = [Transient, Assignment, Execution, Fatal];
}
