namespace Lemegeton.Hub.Actors.Shutdown;

/// <summary>Which sessions hold an assignment right now; answered with <see cref="WorkingAgents"/>.</summary>
public sealed record GetWorkingAgents
{
    public static GetWorkingAgents Instance { get; } = new();
}
