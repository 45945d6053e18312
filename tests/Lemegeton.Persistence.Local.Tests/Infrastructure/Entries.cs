using System.Text;

namespace Lemegeton.Persistence.Local.Tests.Infrastructure;

/// <summary>Journal entries for tests: the payload names the event, so loss and duplicates show.</summary>
public static class Entries
{
    public static JournalEntry Of(string pid, long seq, string writer = "writer-1", params string[] tags) =>
        new(pid, seq, "evt", 7, Encoding.UTF8.GetBytes($"{pid}#{seq}"), writer, 1_700_000_000_000 + seq, tags);

    /// <summary>One atomic write per sequence number.</summary>
    public static IReadOnlyList<IReadOnlyList<JournalEntry>> Singles(string pid, long from, long to, string writer = "writer-1") =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(s => (IReadOnlyList<JournalEntry>)[Of(pid, s, writer)])];

    public static string Text(JournalEntry e) => Encoding.UTF8.GetString(e.Payload.Span);

    public static async Task<List<JournalEntry>> ReplayAll(IJournalStore store, string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue)
    {
        var list = new List<JournalEntry>();
        await store.ReplayAsync(pid, from, to, max, list.Add);
        return list;
    }
}
