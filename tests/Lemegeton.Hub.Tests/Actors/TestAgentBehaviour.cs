namespace Lemegeton.Hub.Tests.Actors;

/// <summary>How a <see cref="TestAgent"/> handles its assignments.</summary>
internal enum TestAgentBehaviour
{
    /// <summary>Acquire the files, work a moment, complete.</summary>
    Work,
    /// <summary>On the first assignment: stop heartbeating and do nothing more (alive, silent).</summary>
    HangOnAssign,
    /// <summary>On the first assignment: do nothing (the test then kills the node).</summary>
    StallOnAssign,
}
