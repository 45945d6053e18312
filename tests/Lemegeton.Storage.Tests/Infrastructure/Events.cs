using System.Text.Json;
using Lemegeton.Storage.Journal;

namespace Lemegeton.Storage.Tests.Infrastructure;

/// <summary>Journal events for tests, each carrying a unique number to check for loss and duplicates.</summary>
public static class Events
{
    public static JournalEvent Numbered(int n, string type = JournalEventTypes.PrAssigned) =>
        new(type, DateTimeOffset.UnixEpoch.AddSeconds(n), JsonSerializer.SerializeToElement(new { n, prId = $"PR-{n % 100:000}", agentId = "agent-1" }));

    public static int NumberOf(JournalRecord r) => r.Event.Data.GetProperty("n").GetInt32();
}
