namespace Lemegeton.Hub.Actors.Operator;

/// <summary>Stop assigning new work (running PRs go on); persisted, so a restarted hub stays paused.</summary>
public sealed record PauseScheduling(string By) : IOperatorCommand;
