namespace Lemegeton.Actors.TestKit;

/// <summary>A TestKit expectation was not met. Any test framework reports it as a failure.</summary>
public sealed class TestKitAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TestKitAssertionException(string message) : base(message) { }
}
