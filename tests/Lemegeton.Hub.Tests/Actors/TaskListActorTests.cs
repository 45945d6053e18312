using Akka.Actor;
using Akka.TestKit.Xunit2;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>The task-list watcher on a real file: which re-reads reach the coordinator.</summary>
public sealed class TaskListActorTests() : TestKit("akka.loglevel = DEBUG"), IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lmg-tasklist-");

    void IDisposable.Dispose()
    {
        Shutdown();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_re_read_where_only_cold_state_values_changed_is_not_sent_on_and_a_real_edit_is()
    {
        var path = Path.Combine(_dir.FullName, "task-list.md");
        var text = TestTaskLists.Build(3, _ => []);
        await File.WriteAllTextAsync(path, text);
        var initial = TaskListParser.Parse(text, path);
        var coordinator = CreateTestProbe();
        var watcher = Sys.ActorOf(TaskListActor.Props(coordinator.Ref, initial, new TaskListWatchSettings { Path = path, Watch = false }));

        // What the hub's own commit does to the working file: one cold_state value.
        var committed = TaskListWriter.SetColdState(text, initial, "PR-002", ColdState.Completed);
        await EventFilter.Debug(contains: "only cold_state values changed").ExpectOneAsync(async () =>
        {
            await File.WriteAllTextAsync(path, committed);
            watcher.Tell(ReloadTaskList.Instance);
        });
        coordinator.ExpectNoMsg(TimeSpan.Zero);

        // Then a person's edit.
        await File.WriteAllTextAsync(path, committed.Replace("title: Change part 3", "title: Change part three", StringComparison.Ordinal));
        watcher.Tell(ReloadTaskList.Instance);

        var changed = coordinator.ExpectMsg<TaskListChanged>(Patience);
        Assert.True(changed.Document.TryGet("PR-003", out var pr));
        Assert.Equal("Change part three", pr.Title);
    }
}
