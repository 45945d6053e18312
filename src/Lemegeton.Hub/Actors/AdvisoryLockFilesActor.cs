using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Event;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// Advisory lock files of isolated mode (child of <see cref="HubCoordinator"/>; ARCHITECTURE.md §4):
/// an isolated hub still enforces its leases, and also writes them where other processes on the machine
/// can see them — a second hub, a person, a tool that is not an agent — as
/// <c>.lemegeton/isolated/locks/{agentId}.json</c> = <c>{agentId, files[], timestamp, prs: [{prId,
/// fencingToken, files[]}]}</c> (the reference's <c>{agentId, files[], timestamp}</c>, plus the PRs).
/// Nothing reads them back: they are advice, not the lease table. An agent's file is removed when it
/// holds nothing, all of them when the hub leaves isolated mode. The coordinator sends the whole wanted
/// set (<see cref="AdvisoryLocks"/>) on every change; writes run on the thread pool, one at a time, and
/// a burst of changes is written once, as its last state. Supervision: back-off restart by the
/// coordinator; a failed write is logged and the next change writes everything again.
/// </summary>
public sealed class AdvisoryLockFilesActor : ReceiveActor
{
    private readonly string _directory;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private AdvisoryLocks? _wanted;
    private AdvisoryLocks? _writing;

    public AdvisoryLockFilesActor(string directory)
    {
        _directory = directory;
        Receive<AdvisoryLocks>(locks =>
        {
            _wanted = locks;
            Pump();
        });
        Receive<Written>(w =>
        {
            _writing = null;
            if (w.Error is { } error) _log.Warning("Advisory lock files in {0} not written: {1}", _directory, error.Message);
            else Context.System.EventStream.Publish(new AdvisoryLocksWritten(_directory, w.Agents));
            Pump();
        });
    }

    public static Props Props(string directory) => Akka.Actor.Props.Create(() => new AdvisoryLockFilesActor(directory));

    private void Pump()
    {
        if (_writing is not null || _wanted is null) return;
        var locks = _writing = _wanted;
        _wanted = null;
        var directory = _directory;
        Task.Run(() => Write(directory, locks)).PipeTo(Self, success: agents => new Written(agents, null), failure: ex => new Written([], ex));
    }

    /// <summary>Writes each agent's file (through a temporary file renamed over it) and removes the others. Returns the agents written.</summary>
    private static IReadOnlyList<string> Write(string directory, AdvisoryLocks locks)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (locks.Agents.Count > 0) Directory.CreateDirectory(directory);
        foreach (var agent in locks.Agents)
        {
            var name = FileName(agent.AgentId);
            wanted.Add(name);
            var path = Path.Combine(directory, name);
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, Json(agent, locks.At));
            File.Move(temp, path, overwrite: true);
        }
        if (Directory.Exists(directory))
        {
            foreach (var stale in Directory.EnumerateFiles(directory, "*.json").Where(f => !wanted.Contains(Path.GetFileName(f))))
                File.Delete(stale);
        }
        return [.. locks.Agents.Select(a => a.AgentId)];
    }

    /// <summary>The agent id as a file name: anything but letters, digits, '.', '-' and '_' becomes '_'.</summary>
    internal static string FileName(string agentId)
    {
        var name = new StringBuilder(agentId.Length + 5);
        foreach (var c in agentId) name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        if (name.Length == 0 || name[0] == '.') name.Insert(0, '_');
        return name.Append(".json").ToString();
    }

    private static byte[] Json(AdvisoryAgentLocks agent, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("agentId", agent.AgentId);
            json.WriteStartArray("files");
            foreach (var f in agent.Files) json.WriteStringValue(f);
            json.WriteEndArray();
            json.WriteString("timestamp", at.ToUniversalTime());
            json.WriteBoolean("advisory", true);
            json.WriteStartArray("prs");
            foreach (var pr in agent.Prs)
            {
                json.WriteStartObject();
                json.WriteString("prId", pr.PrId);
                json.WriteNumber("fencingToken", pr.FencingToken);
                json.WriteStartArray("files");
                foreach (var f in pr.Files) json.WriteStringValue(f);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private sealed record Written(IReadOnlyList<string> Agents, Exception? Error);
}
