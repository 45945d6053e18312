using Lemegeton.Storage.Git;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Git;

/// <summary>Agent branches merged back after degraded mode, checked with the real git executable.</summary>
public sealed class AgentBranchMergerTests : IAsyncLifetime
{
    private TestRepository _repo = null!;

    public async Task InitializeAsync() => _repo = await TestRepository.CreateAsync();

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private AgentBranchMerger Merger() => new(_repo.Root, new GitMirrorOptions(), NullLogger<AgentBranchMerger>.Instance);

    private async Task Branch(string name, string path, string content)
    {
        var main = (await _repo.RunAsync("rev-parse", "--abbrev-ref", "HEAD")).Trim();
        await _repo.RunAsync("checkout", "-q", "-b", name);
        _repo.Write(path, content);
        await _repo.RunAsync("add", path);
        await _repo.RunAsync("commit", "-q", "-m", name);
        await _repo.RunAsync("checkout", "-q", main);
    }

    [Fact]
    public async Task A_clean_branch_gets_a_merge_commit_a_conflicting_one_and_one_behind_the_users_uncommitted_edit_stay_untouched()
    {
        await Branch("agent-w1-PR-001", "src/one.txt", "one\n");
        await Branch("agent-w2-PR-002", "src/two.txt", "theirs\n");
        await Branch("agent-w3-PR-003", "src/three.txt", "three\n");
        _repo.Write("src/two.txt", "ours\n");
        await _repo.RunAsync("add", "src/two.txt");
        await _repo.RunAsync("commit", "-q", "-m", "main moves on");
        // The user is editing a file the third branch adds.
        _repo.Write("src/three.txt", "the user's unsaved work\n");
        var conflictTip = (await _repo.RunAsync("rev-parse", "agent-w2-PR-002")).Trim();

        var results = await Merger().MergeAllAsync(["PR-001", "PR-002", "PR-003"]);

        Assert.Equal(["agent-w1-PR-001", "agent-w2-PR-002", "agent-w3-PR-003"], results.Select(r => r.Branch));
        Assert.Equal(["PR-001", "PR-002", "PR-003"], results.Select(r => r.PrId));
        var merged = results[0];
        Assert.True(merged.Merged);
        Assert.Equal(merged.Commit, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.Equal(3, (await _repo.RunAsync("rev-list", "--parents", "-n", "1", "HEAD")).Trim().Split(' ').Length); // --no-ff
        Assert.Equal("one\n", _repo.Read("src/one.txt"));
        Assert.DoesNotContain("agent-w1-PR-001", await _repo.RunAsync("branch", "--list"));

        Assert.False(results[1].Merged);
        Assert.Equal(["src/two.txt"], results[1].Conflicts);
        Assert.Equal(conflictTip, (await _repo.RunAsync("rev-parse", "agent-w2-PR-002")).Trim());

        Assert.False(results[2].Merged);
        Assert.Contains("uncommitted", results[2].Error, StringComparison.Ordinal);
        Assert.Equal("the user's unsaved work\n", _repo.Read("src/three.txt"));
        Assert.Contains("agent-w3-PR-003", await _repo.RunAsync("branch", "--list"));

        Assert.Equal("ours\n", _repo.Read("src/two.txt"));
        Assert.Equal("?? src/three.txt", (await _repo.RunAsync("status", "--porcelain")).Trim());
    }

    [Fact]
    public async Task A_branch_already_contained_in_head_is_only_deleted()
    {
        await Branch("agent-w1-PR-001", "src/one.txt", "one\n");
        await _repo.RunAsync("merge", "-q", "--no-ff", "-m", "merged by hand", "agent-w1-PR-001");
        var head = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();

        var result = Assert.Single(await Merger().MergeAllAsync(["PR-001"]));

        Assert.Equal(head, result.Commit);
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.DoesNotContain("agent-w1-PR-001", await _repo.RunAsync("branch", "--list"));
    }
}
