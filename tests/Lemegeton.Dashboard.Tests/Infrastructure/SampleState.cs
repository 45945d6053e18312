using System.Text.Json.Nodes;

namespace Lemegeton.Dashboard.Tests.Infrastructure;

/// <summary>A small hub state in the contract's shape: six PRs, two agents, two leases, a mode history.</summary>
public static class SampleState
{
    /// <summary>Dependency edges (from dependency to dependent) in <see cref="Create"/>.</summary>
    public static readonly (string From, string To)[] Dependencies =
        [("PR-001", "PR-002"), ("PR-001", "PR-003"), ("PR-002", "PR-004"), ("PR-003", "PR-004"), ("PR-004", "PR-005")];

    public static readonly string[] PrIds = ["PR-001", "PR-002", "PR-003", "PR-004", "PR-005", "PR-006"];

    public static JsonObject Create()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        JsonObject Pr(string id, string title, string cold, string? hot, string? agent, string[] deps, string[] files) => new()
        {
            ["id"] = id, ["title"] = title, ["cold"] = cold, ["hot"] = hot, ["agent"] = agent,
            ["dependencies"] = new JsonArray([.. deps.Select(d => (JsonNode)d)]),
            ["files"] = new JsonArray([.. files.Select(f => (JsonNode)f)]),
            ["complexity"] = 3, ["priority"] = "high",
        };
        return new JsonObject
        {
            ["hub"] = new JsonObject { ["connected"] = true, ["hubId"] = "hub-test", ["since"] = now - 60_000, ["paused"] = false },
            ["mode"] = new JsonObject
            {
                ["current"] = "distributed",
                ["history"] = new JsonArray(
                    new JsonObject { ["from"] = "distributed", ["to"] = "degraded", ["reason"] = "redis unreachable", ["ts"] = now - 50_000 },
                    new JsonObject { ["from"] = "degraded", ["to"] = "distributed", ["reason"] = "redis back", ["ts"] = now - 40_000 }),
            },
            ["prs"] = new JsonArray(
                Pr("PR-001", "Core types", "completed", null, null, [], ["src/core.cs"]),
                Pr("PR-002", "Parser", "ready", null, null, ["PR-001"], ["src/parser.cs", "src/shared.cs"]),
                Pr("PR-003", "Scheduler", "planned", "in-progress", "worker-1", ["PR-001"], ["src/scheduler.cs", "src/shared.cs"]),
                Pr("PR-004", "Command line", "new", null, null, ["PR-002", "PR-003"], ["src/cli.cs"]),
                Pr("PR-005", "Documentation", "blocked", null, null, ["PR-004"], ["docs/a.md"]),
                Pr("PR-006", "Flaky thing", "broken", null, null, [], ["src/x.cs"])),
            ["agents"] = new JsonArray(
                new JsonObject { ["id"] = "worker-1", ["type"] = "worker", ["model"] = "sonnet", ["state"] = "working", ["pr"] = "PR-003", ["lastHeartbeat"] = now - 3_000 },
                new JsonObject { ["id"] = "reviewer-1", ["type"] = "qc", ["model"] = "haiku", ["state"] = "idle", ["pr"] = null, ["lastHeartbeat"] = now - 12_000 }),
            ["leases"] = new JsonArray(
                new JsonObject { ["file"] = "src/scheduler.cs", ["agent"] = "worker-1", ["pr"] = "PR-003", ["fencingToken"] = 7, ["expiresAt"] = now + 90_000 },
                new JsonObject { ["file"] = "src/shared.cs", ["agent"] = "worker-1", ["pr"] = "PR-003", ["fencingToken"] = 7, ["expiresAt"] = now + 90_000 }),
            ["progress"] = new JsonObject { ["done"] = 1, ["total"] = 6, ["velocityPerHour"] = 2.5, ["etaSeconds"] = 7200 },
            ["events"] = new JsonArray(),
        };
    }
}
