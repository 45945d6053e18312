namespace Lemegeton.Hub.Actors.Shutdown;

/// <summary>Answered with <see cref="Akka.Done"/> once the queue of cold transitions waiting for their git commit is empty.</summary>
public sealed record DrainGitCommits
{
    public static DrainGitCommits Instance { get; } = new();
}
