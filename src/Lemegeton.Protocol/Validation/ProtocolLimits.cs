namespace Lemegeton.Protocol.Validation;

/// <summary>The bounds <see cref="ProtocolValidator"/> enforces on received messages.</summary>
public static class ProtocolLimits
{
    /// <summary>Longest id (agent, PR, session, hub, correlation id, error code): 128 characters.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Most paths in one message (the default of Lemegeton.Core's lease rules): 100.</summary>
    public const int MaxFiles = 100;

    /// <summary>Longest repository-relative path: 1024 characters.</summary>
    public const int MaxPathLength = 1024;

    /// <summary>Longest free text (title, summary, error, reason, progress note): 16 KiB characters.</summary>
    public const int MaxTextLength = 16 * 1024;

    /// <summary>Longest PR body in an assignment: 512 Ki characters (see <see cref="RecommendedMaximumFrameSize"/>).</summary>
    public const int MaxBodyLength = 512 * 1024;

    /// <summary>
    /// The <c>akka.remote.dot-netty.tcp.maximum-frame-size</c> hub and agents should set: 4 MiB. The
    /// largest message these limits allow (an <c>AssignPr</c> with a maximal body, title and file list,
    /// all non-ASCII) serializes below it; Akka's default of 128,000 bytes would drop large assignments.
    /// </summary>
    public const int RecommendedMaximumFrameSize = 4 * 1024 * 1024;

    /// <summary>Most reasons in one <c>PrExplained</c>: 100 (the hub keeps the first 100).</summary>
    public const int MaxReasons = 100;

    /// <summary>Longest branch name: 255 characters.</summary>
    public const int MaxBranchLength = 255;

    /// <summary>The complexity scale is 1–10.</summary>
    public const int MinComplexity = 1;

    /// <summary>The complexity scale is 1–10.</summary>
    public const int MaxComplexity = 10;

    /// <summary>Most PRs one agent may work on at once: 64.</summary>
    public const int MaxCapacity = 64;

    /// <summary>A commit is 7–64 hexadecimal digits (abbreviated SHA-1 up to full SHA-256).</summary>
    public const int MinCommitLength = 7;

    /// <summary>A commit is 7–64 hexadecimal digits.</summary>
    public const int MaxCommitLength = 64;
}
