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
    /// <summary>On the first assignment: block the actor's thread until the test releases it (a hung process: alive, answering nothing).</summary>
    BlockOnAssign,
}
