namespace Lemegeton.Agent.LocalSocket;

/// <summary>The operations of the local socket protocol (docs/agent.md, "The local socket").</summary>
public static class LocalOps
{
    /// <summary>Who is this agent, is it connected, what does it work on.</summary>
    public const string Status = "status";

    /// <summary>The current PR: id, title, body, files, acceptance criteria, fencing token, branch.</summary>
    public const string CurrentPr = "pr";

    /// <summary>Lease more files for the current PR (all or nothing); a refusal names the holder.</summary>
    public const string AcquireLeases = "lease.acquire";

    /// <summary>Release files (none named: all of the agent's leases).</summary>
    public const string ReleaseLeases = "lease.release";

    /// <summary>Report progress on the current PR.</summary>
    public const string Progress = "progress";

    /// <summary>Declare the current PR done; reported to the hub when the command exits 0.</summary>
    public const string Complete = "complete";

    /// <summary>Declare the current PR failed; reported to the hub when the command exits, whatever its code.</summary>
    public const string Fail = "fail";

    /// <summary>Why another PR is not being worked on (asks the hub).</summary>
    public const string WhyWaiting = "why-waiting";

    public static readonly IReadOnlyList<string> All = [Status, CurrentPr, AcquireLeases, ReleaseLeases, Progress, Complete, Fail, WhyWaiting];
}
