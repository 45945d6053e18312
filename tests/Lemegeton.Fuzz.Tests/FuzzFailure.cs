namespace Lemegeton.Fuzz.Tests;

/// <summary>One input that broke the oracle: its seed (to replay it), what happened, and where the input was saved.</summary>
public sealed record FuzzFailure(string Target, int Seed, string Kind, string Detail, string SavedAs)
{
    public override string ToString() => $"{Target} seed {Seed}: {Kind}: {Detail} (input: {SavedAs})";
}
