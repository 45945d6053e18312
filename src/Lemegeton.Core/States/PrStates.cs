namespace Lemegeton.Core.States;

/// <summary>Durable PR states, stored in the task list's YAML and committed to git.</summary>
public enum ColdState { New, Ready, Blocked, Planned, Completed, Approved, Broken }

/// <summary>Transient PR states ("active work"), held by the hub and journaled, never committed.</summary>
public enum HotState { Investigating, Planning, InProgress, UnderReview }

public enum Priority { Critical, High, Medium, Low }

public enum ModelTier { Haiku, Sonnet, Opus }

public enum FileAction { Create, Modify, Delete }

/// <summary>
/// A PR state as one value: either cold or hot. The wire and YAML spelling is lower-case with
/// hyphens (<c>in-progress</c>, <c>under-review</c>).
/// </summary>
public readonly record struct PrState
{
    private PrState(ColdState? cold, HotState? hot) { Cold = cold; Hot = hot; }

    public ColdState? Cold { get; }
    public HotState? Hot { get; }
    public bool IsCold => Cold.HasValue;
    public bool IsHot => Hot.HasValue;

    public static PrState Of(ColdState cold) => new(cold, null);
    public static PrState Of(HotState hot) => new(null, hot);
    public static implicit operator PrState(ColdState cold) => Of(cold);
    public static implicit operator PrState(HotState hot) => Of(hot);

    public static IReadOnlyList<PrState> All { get; } =
        [.. Enum.GetValues<ColdState>().Select(Of), .. Enum.GetValues<HotState>().Select(Of)];

    public override string ToString() => IsCold ? Cold!.Value.ToWire() : Hot!.Value.ToWire();

    public static bool TryParse(string? text, out PrState state)
    {
        if (StateNames.TryParseCold(text, out var c)) { state = c; return true; }
        if (StateNames.TryParseHot(text, out var h)) { state = h; return true; }
        state = default;
        return false;
    }
}

/// <summary>Wire/YAML names of the domain enums, and their parsing (case-sensitive, as written by the reference).</summary>
public static class StateNames
{
    public static readonly string[] ColdNames = ["new", "ready", "blocked", "planned", "completed", "approved", "broken"];
    public static readonly string[] HotNames = ["investigating", "planning", "in-progress", "under-review"];
    public static readonly string[] PriorityNames = ["critical", "high", "medium", "low"];
    public static readonly string[] ModelNames = ["haiku", "sonnet", "opus"];
    public static readonly string[] FileActionNames = ["create", "modify", "delete"];

    public static string ToWire(this ColdState s) => ColdNames[(int)s];
    public static string ToWire(this HotState s) => HotNames[(int)s];
    public static string ToWire(this Priority p) => PriorityNames[(int)p];
    public static string ToWire(this ModelTier m) => ModelNames[(int)m];
    public static string ToWire(this FileAction a) => FileActionNames[(int)a];

    public static bool TryParseCold(string? s, out ColdState v) => TryIndex(ColdNames, s, out v);
    public static bool TryParseHot(string? s, out HotState v) => TryIndex(HotNames, s, out v);
    public static bool TryParsePriority(string? s, out Priority v) => TryIndex(PriorityNames, s, out v);
    public static bool TryParseModel(string? s, out ModelTier v) => TryIndex(ModelNames, s, out v);
    public static bool TryParseFileAction(string? s, out FileAction v) => TryIndex(FileActionNames, s, out v);

    private static bool TryIndex<T>(string[] names, string? s, out T value) where T : struct, Enum
    {
        var i = s is null ? -1 : Array.IndexOf(names, s);
        value = i < 0 ? default : (T)(object)i;
        return i >= 0;
    }
}
