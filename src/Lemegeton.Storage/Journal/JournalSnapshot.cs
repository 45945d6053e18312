using System.Text.Json;

namespace Lemegeton.Storage.Journal;

/// <summary>State as of event <see cref="Seq"/>; replay starts after it.</summary>
public sealed record JournalSnapshot(long Seq, DateTimeOffset Time, JsonElement State);
