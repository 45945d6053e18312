using Lemegeton.Agent.Execution;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Agent;

/// <summary>
/// One assignment being worked on: its command runs outside the actor system (a task), so it goes on
/// when the agent's actor system is replaced after a hub restart, and its result is picked up by
/// whichever actor is current when it ends.
/// </summary>
public sealed class AgentJob
{
    private readonly CancellationTokenSource _stop = new();

    public AgentJob(AssignPr assignment, string sessionId, string prFile, string logFile, string? branch)
    {
        Assignment = assignment;
        SessionId = sessionId;
        PrFile = prFile;
        LogFile = logFile;
        Branch = branch;
    }

    public AssignPr Assignment { get; }

    /// <summary>The session that assigned it (a report goes with that session's fencing token).</summary>
    public string SessionId { get; }

    public string PrFile { get; }

    public string LogFile { get; }

    public string? Branch { get; }

    /// <summary>The command was started (after the PR's files were leased).</summary>
    public bool Started { get; set; }

    /// <summary>The run; set once when it starts.</summary>
    public Task<JobResult> Run { get; set; } = Task.FromResult(new JobResult(new CommandOutcome(null, false, true, TimeSpan.Zero), null));

    /// <summary>What the command declared through the local socket (complete / fail), if anything. Set by the actor only.</summary>
    public LocalDeclaration? Declared { get; set; }

    /// <summary>The hub took the work back: stop, report nothing.</summary>
    public bool Revoked { get; private set; }

    public CancellationToken Cancellation => _stop.Token;

    public void Revoke()
    {
        Revoked = true;
        _stop.Cancel();
    }

    /// <summary>Stops the command (shutdown): the work is handed back with a failure report.</summary>
    public void Stop() => _stop.Cancel();
}
