using System.Text.Json;
using Lemegeton.Hub.Actors.Operator;

namespace Lemegeton.Hub.Gateway;

/// <summary>The dashboard's commands (contract: pause, resume, release-lease, requeue) as the coordinator's operator commands.</summary>
public static class GatewayCommands
{
    /// <summary>Who the journal records as having asked.</summary>
    public const string By = "dashboard";

    /// <summary>The operator command for a dashboard command, or null with the reason.</summary>
    /// <exception cref="JsonException"><paramref name="argsJson"/> is not JSON.</exception>
    public static IOperatorCommand? ToOperator(string name, string argsJson, out string? problem)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(argsJson) ? "{}" : argsJson);
        var args = doc.RootElement;
        problem = null;
        switch (name)
        {
            case "pause": return new PauseScheduling(By);
            case "resume": return new ResumeScheduling(By);
            case "requeue":
                if (Str(args, "prId") is { } pr) return new RequeuePr(pr, By);
                problem = "requeue needs args {\"prId\": \"PR-…\"}";
                return null;
            case "release-lease":
                if (Str(args, "file") is { } file) return new ForceReleaseLeases([file], null, By);
                if (Str(args, "agentId") is { } agent) return new ForceReleaseLeases([], agent, By);
                problem = "release-lease needs args {\"file\": \"path\"} or {\"agentId\": \"…\"}";
                return null;
            default:
                problem = $"unknown command '{name}'; the gateway's commands are pause, resume, release-lease and requeue";
                return null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
