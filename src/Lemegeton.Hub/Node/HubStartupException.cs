namespace Lemegeton.Hub.Node;

/// <summary>The hub cannot start for a reason the user can fix; the message is one line naming the file, line or key.</summary>
public sealed class HubStartupException : Exception
{
    public HubStartupException(string message) : base(message) { }

    public HubStartupException(string message, Exception inner) : base(message, inner) { }

    public HubStartupException() { }
}
