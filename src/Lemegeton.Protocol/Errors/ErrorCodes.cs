namespace Lemegeton.Protocol.Errors;

/// <summary>
/// The values of <see cref="ProtocolError.Code"/>. The baseline codes come from the agent protocol v1;
/// codes marked "Lemegeton addition" are this implementation's. Codes are never renamed or reused.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The peer is not allowed to talk to the hub (no or wrong credentials).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The payload could not be parsed (only on transports that can answer a parse failure).</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>A field is missing, empty, too long, out of range or contains control characters.</summary>
    public const string InvalidMessage = "invalid-message";

    /// <summary>The message type is not one the receiver accepts (unknown, or sent in the wrong direction).</summary>
    public const string UnknownType = "unknown-type";

    /// <summary>The message is larger than the transport's frame limit.</summary>
    public const string FrameTooLarge = "frame-too-large";

    /// <summary>The agent speaks a protocol version the hub does not.</summary>
    public const string ProtocolUnsupported = "protocol-unsupported";

    /// <summary>A <c>RegisterAgent</c> field is invalid (agent type, model, complexity, capacity, ids).</summary>
    public const string InvalidHello = "invalid-hello";

    /// <summary>Another live session holds the agent id.</summary>
    public const string AgentIdInUse = "agent-id-in-use";

    /// <summary>A session message arrived before <c>RegisterAgent</c> was welcomed.</summary>
    public const string NotRegistered = "not-registered";

    /// <summary>The PR named is not assigned to this agent.</summary>
    public const string NotAssigned = "not-assigned";

    /// <summary>The fencing token is older than the PR's current grant.</summary>
    public const string StaleFencingToken = "stale-fencing-token";

    /// <summary>A file path is empty, absolute, climbs with <c>..</c>, or contains control characters.</summary>
    public const string InvalidPath = "invalid-path";

    /// <summary>A lease request names more files than allowed.</summary>
    public const string TooManyFiles = "too-many-files";

    /// <summary>The agent sends faster than the hub accepts.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>The receiver is stopping and takes no new work.</summary>
    public const string ShuttingDown = "shutting-down";

    /// <summary>Lemegeton addition: the agent already works on as many PRs as its capacity and refuses an <c>AssignPr</c>.</summary>
    public const string AtCapacity = "at-capacity";

    /// <summary>Lemegeton addition: the hub's task list has no PR with the id an <c>ExplainPrRequest</c> names.</summary>
    public const string PrNotFound = "pr-not-found";

    /// <summary>Every code, baseline first.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Unauthorized, InvalidJson, InvalidMessage, UnknownType, FrameTooLarge, ProtocolUnsupported, InvalidHello,
        AgentIdInUse, NotRegistered, NotAssigned, StaleFencingToken, InvalidPath, TooManyFiles, RateLimited,
        ShuttingDown, AtCapacity, PrNotFound,
    ];
}
