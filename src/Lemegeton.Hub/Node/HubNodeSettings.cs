using Lemegeton.Core.Scheduling;
using Lemegeton.Core.TaskList;
using Lemegeton.Hosting.Configuration;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Gateway;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Hub.Node;

/// <summary>What the hub's actor system needs from the product configuration (read and validated by the CLI).</summary>
/// <param name="Akka">The effective <c>akka</c> section (remoting host and port, cluster, failure detector).</param>
/// <param name="TaskListPath">The task list, relative to the repository root (<c>lemegeton.task-list.path</c>).</param>
/// <param name="TaskList">How it is parsed (<c>lemegeton.task-list.*</c>).</param>
/// <param name="GatewayLink">The link that streams events to the gateway (<c>lemegeton.gateway.*</c>); null: none.</param>
/// <param name="AdminTcp">The admin API on TCP with a bearer token (<c>lemegeton.admin-tcp</c>); null or disabled: the Unix socket only.</param>
public sealed record HubNodeSettings(
    AkkaConfiguration Akka,
    string TaskListPath,
    TaskListParseOptions TaskList,
    SchedulerOptions Scheduler,
    RedisOptions Redis,
    JournalOptions Journal,
    GitMirrorOptions Git,
    CoordinationOptions Coordination,
    GatewayLinkSettings? GatewayLink = null,
    HubAdminTcpOptions? AdminTcp = null);
