namespace Lemegeton.Cli.Commands;

/// <summary>The options of <c>lemegeton demo</c>.</summary>
/// <param name="Directory">Where to create the repository; null for a new temp folder.</param>
/// <param name="Agents">How many fake-coder workers the hub spawns.</param>
/// <param name="Keep">Leave the hub (and its agents) and the gateway running at the end.</param>
/// <param name="Timeout">Give up (exit 1) when the PRs are not all completed by then.</param>
/// <param name="Live">Draw the live table (a terminal) rather than plain progress lines.</param>
public sealed record DemoOptions(string? Directory, int Agents, bool Keep, TimeSpan Timeout, bool Live)
{
    /// <summary>The <c>--set key=value</c> flags of the demo, passed on to every hub and gateway command it runs.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>How often the admin API is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>PRs completed before the demo kills an agent mid-PR (so the table has shown some work first).</summary>
    public int KillAfterCompleted { get; init; } = 2;
}
