namespace Lemegeton.Persistence.Local;

/// <summary>Sequence numbers <paramref name="From"/> to <paramref name="To"/> (inclusive) of one persistence id.</summary>
public sealed record SequenceRange(string PersistenceId, long From, long To)
{
    public override string ToString() => From == To ? $"{PersistenceId}#{From}" : $"{PersistenceId}#{From}-{To}";
}
