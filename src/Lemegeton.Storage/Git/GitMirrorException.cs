namespace Lemegeton.Storage.Git;

/// <summary>
/// The git mirror cannot commit a cold transition: the repository, the task list at HEAD or a
/// user operation that never ends is in the way. The message names the repository or file and
/// says what to do.
/// </summary>
public sealed class GitMirrorException : Exception
{
    public GitMirrorException(string message) : base(message) { }

    public GitMirrorException(string message, Exception inner) : base(message, inner) { }
}
