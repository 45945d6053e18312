using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using System.Text;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Tests.Infrastructure;

/// <summary>Messages of every protocol type: one fixed, valid sample each, and random ones from a seed.</summary>
internal static class MessageSamples
{
    /// <summary>One valid message of every type, keyed by the type; the golden files hold their JSON.</summary>
    public static IReadOnlyList<IProtocolMessage> Valid { get; } =
    [
        new RegisterAgent("c-1", 1, "worker-1", AgentTypes.Worker, AgentModels.Sonnet, 7, 2, "s-41"),
        new Welcome("c-1", "s-42", "hub-a", 10_000, 30_000, CoordinationMode.Distributed),
        new Heartbeat(12, HeartbeatStates.Working, ["PR-012"]),
        new Bye("l'opérateur a arrêté l'agent ✓ <&>"),
        new Ack("c-2"),
        new AssignPr("a-7", "PR-012", "Add the lease manager", WorkKind.Implement, ["src/a.cs", "tests/a_test.cs"], 1234, null, "## Goal\nLeases.\n"),
        new ProgressReport("PR-012", 40, "tests written"),
        new CompletePr("c-3", "PR-012", 1234, "0123456789abcdef0123456789abcdef01234567", "done"),
        new FailPr("c-4", "PR-012", 1234, FailureCategories.Execution, "tests fail: 3 of 40"),
        new RevokePr("PR-012", "agent's lease expired"),
        new AcquireLeases("c-5", "PR-012", ["src/b.cs"]),
        new LeasesGranted("c-5", ["src/b.cs", "tests/b_test.cs"], 1240, 300_000),
        new LeasesDenied("c-5", [new LeaseConflict("src/b.cs", "worker-2", "PR-009")]),
        new ReleaseLeases("c-6", ["src/b.cs"]),
        new ModeAnnouncement(CoordinationMode.Degraded, ModeAction.SwitchToBranches),
        new Shutdown(30_000),
        new ProtocolError(ErrorCodes.StaleFencingToken, "CompletePr.fencingToken 1234 is older than the PR's grant 1240.", "c-3"),
        new ExplainPrRequest("c-7", "PR-014"),
        new PrExplained("c-7", "PR-014", "new", null, null, false,
        [
            new ExplainedReason("dependency-pending", "waiting for dependency PR-012 (in-progress, worker-1 is on it); it must be completed first",
                PrId: "PR-012", State: "in-progress", AgentId: "worker-1"),
            new ExplainedReason("file-conflict", "conflicts with PR-012 (running on worker-1) on src/b.cs (held: src/)",
                PrId: "PR-012", State: "in-progress", Path: "src/b.cs", HeldPath: "src/", AgentId: "worker-1"),
        ]),
    ];

    /// <summary>One message of every type with random field values (any valid UTF-16 text, any numbers, nulls where allowed).</summary>
    public static IReadOnlyList<IProtocolMessage> Random(int seed)
    {
        var r = new Random(seed);
        string S() => Text(r);
        string? N() => r.Next(4) == 0 ? null : Text(r);
        long L() => r.Next(3) switch { 0 => 0, 1 => r.NextInt64(long.MinValue, long.MaxValue), _ => r.NextInt64(1, 100_000) };
        int I() => r.Next(3) switch { 0 => 0, 1 => r.Next(int.MinValue, int.MaxValue), _ => r.Next(0, 1000) };
        IReadOnlyList<string> List() => [.. Enumerable.Range(0, r.Next(5)).Select(_ => Text(r))];
        IReadOnlyList<string>? NList() => r.Next(4) == 0 ? null : List();
        T E<T>() where T : struct, Enum => (T)Enum.GetValues(typeof(T)).GetValue(r.Next(Enum.GetValues(typeof(T)).Length))!;

        return
        [
            new RegisterAgent(S(), I(), S(), S(), S(), I(), I(), N()),
            new Welcome(S(), S(), S(), I(), I(), E<CoordinationMode>(), I()),
            new Heartbeat(L(), S(), NList()),
            new Bye(N()),
            new Ack(S()),
            new AssignPr(S(), S(), S(), E<WorkKind>(), List(), L(), N(), S()),
            new ProgressReport(S(), I(), N()),
            new CompletePr(S(), S(), L(), N(), N()),
            new FailPr(S(), S(), L(), S(), S()),
            new RevokePr(S(), S()),
            new AcquireLeases(S(), S(), List()),
            new LeasesGranted(S(), List(), L(), L()),
            new LeasesDenied(S(), [.. Enumerable.Range(0, r.Next(4)).Select(_ => new LeaseConflict(S(), S(), S()))]),
            new ReleaseLeases(S(), NList()),
            new ModeAnnouncement(E<CoordinationMode>(), E<ModeAction>()),
            new Shutdown(I()),
            new ProtocolError(S(), S(), N()),
            new ExplainPrRequest(S(), S()),
            new PrExplained(S(), S(), S(), N(), N(), r.Next(2) == 0,
                [.. Enumerable.Range(0, r.Next(4)).Select(_ => new ExplainedReason(S(), S(), N(), N(), N(), N(), N()))]),
        ];
    }

    private const string JsonSpecials = "\"\\/\n\t<>&'+\u2028";

    // Any valid UTF-16: ASCII, JSON specials, control characters, non-Latin text and surrogate pairs.
    private static string Text(Random r)
    {
        var builder = new StringBuilder();
        var length = r.Next(0, 12);
        for (var i = 0; i < length; i++)
        {
            switch (r.Next(6))
            {
                case 0: builder.Append((char)r.Next(0x20, 0x7F)); break;
                case 1: builder.Append(JsonSpecials[r.Next(JsonSpecials.Length)]); break;
                case 2: builder.Append((char)r.Next(0, 0x20)); break;
                case 3: builder.Append((char)r.Next(0x400, 0x4FF)); break;
                case 4: builder.Append(char.ConvertFromUtf32(r.Next(0x1F300, 0x1F6FF))); break;
                default: builder.Append("PR-0"); break;
            }
        }
        return builder.ToString();
    }
}
