namespace Lemegeton.Actors;

/// <summary>Reply wrappers for request/response protocols, as in Akka.NET.</summary>
public static class Status
{
    /// <summary>A successful reply carrying an optional value.</summary>
    public sealed record Success(object? Status);

    /// <summary>A failed reply; <c>Ask</c> turns it into a faulted task.</summary>
    public sealed record Failure(Exception Cause);
}
