namespace Lemegeton.Core.States;

/// <summary>Who asks for a transition; guards depend on it.</summary>
public enum TransitionActor
{
    /// <summary>An agent working on the PR; see <see cref="TransitionRequest.AgentType"/>.</summary>
    Agent,
    /// <summary>A quality-check agent (or an agent whose type is <c>qc</c>).</summary>
    QC,
    /// <summary>A person at the CLI; may override the QC guard with an explicit reason.</summary>
    Operator,
    /// <summary>The hub itself (crash reclamation, cascades).</summary>
    Hub,
}
