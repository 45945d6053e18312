using System.Text;
using Lemegeton.Core.States;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Git;

/// <summary>Every byte the user wrote outside the one <c>cold_state</c> value survives the commit.</summary>
public sealed class TaskListGitMirrorBytesTests : IAsyncLifetime
{
    private TestRepository _repo = null!;

    public async Task InitializeAsync() => _repo = await TestRepository.CreateAsync();

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private TaskListGitMirror Mirror() =>
        new(_repo.Root, new GitMirrorOptions { TaskListPath = TestRepository.TaskList }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The example task list with a BOM, CRLF, trailing spaces (after cold_state too), non-ASCII text and no final newline.</summary>
    private string UnusualText()
    {
        var text = _repo.Read(TestRepository.TaskList)
            .Replace("# Task List for Widget Service", "# Task List for Widget Service — café ☕ 𝄞")
            .Replace("cold_state: ready", "cold_state: ready  \t")
            .Replace("**Notes:**", "**Notes:**   ")
            .TrimEnd('\n')
            .Replace("\n", "\r\n");
        return text;
    }

    private static byte[] Bytes(string text) => [.. Bom, .. Encoding.UTF8.GetBytes(text)];

    /// <summary>The same bytes with the first occurrence of <paramref name="from"/> replaced (found as bytes).</summary>
    private static byte[] ReplacedOnce(byte[] bytes, string from, string to)
    {
        var f = Encoding.UTF8.GetBytes(from);
        var at = bytes.AsSpan().IndexOf(f);
        Assert.True(at >= 0);
        return [.. bytes.AsSpan(0, at), .. Encoding.UTF8.GetBytes(to), .. bytes.AsSpan(at + f.Length)];
    }

    private Task<byte[]> CommittedBlob() => _repo.Git.RunBytesAsync(["cat-file", "blob", "HEAD:" + TestRepository.TaskList]);

    [Fact]
    public async Task Bom_crlf_trailing_whitespace_and_a_missing_final_newline_survive_byte_for_byte()
    {
        var original = Bytes(UnusualText());
        _repo.WriteBytes(TestRepository.TaskList, original);
        await _repo.RunAsync("commit", "-q", "-am", "unusual bytes");

        await Mirror().CommitAsync(new ColdTransition("PR-001", ColdState.Ready, ColdState.Completed));

        var expected = ReplacedOnce(original, "cold_state: ready  \t", "cold_state: completed  \t");
        Assert.Equal(expected, await CommittedBlob());
        Assert.Equal(expected, _repo.ReadBytes(TestRepository.TaskList));
        Assert.Equal("", (await _repo.RunAsync("status", "--porcelain")).Trim());
    }

    [Fact]
    public async Task The_users_unsaved_edit_in_a_bom_crlf_file_keeps_every_byte_too()
    {
        var original = Bytes(UnusualText());
        _repo.WriteBytes(TestRepository.TaskList, original);
        await _repo.RunAsync("commit", "-q", "-am", "unusual bytes");
        var edited = ReplacedOnce(original, "Add the Widget entity with validation.", "Add the Widget entity with validation. ünsaved ✎");
        _repo.WriteBytes(TestRepository.TaskList, edited);

        await Mirror().CommitAsync(new ColdTransition("PR-002", ColdState.Blocked, ColdState.Ready));

        Assert.Equal(ReplacedOnce(original, "cold_state: blocked", "cold_state: ready"), await CommittedBlob());
        Assert.Equal(ReplacedOnce(edited, "cold_state: blocked", "cold_state: ready"), _repo.ReadBytes(TestRepository.TaskList));
    }

    [Fact]
    public async Task A_task_list_at_head_that_is_not_utf8_is_refused_naming_the_file_and_byte()
    {
        var bytes = File.ReadAllBytes(Path.Combine(_repo.Root, TestRepository.TaskList));
        bytes[10] = 0xFF;
        _repo.WriteBytes(TestRepository.TaskList, bytes);
        await _repo.RunAsync("commit", "-q", "-am", "broken encoding");
        var head = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();

        var ex = await Assert.ThrowsAsync<GitMirrorException>(() => Mirror().CommitAsync(new ColdTransition("PR-001", ColdState.Ready, ColdState.Completed)));

        Assert.Contains(TestRepository.TaskList, ex.Message);
        Assert.Contains("byte 10", ex.Message);
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
    }

    [Fact]
    public async Task A_pr_without_a_valid_cold_state_at_head_is_refused_instead_of_written_at_the_top()
    {
        _repo.Write(TestRepository.TaskList, _repo.Read(TestRepository.TaskList).Replace("cold_state: blocked", "cold_state: wobbly"));
        await _repo.RunAsync("commit", "-q", "-am", "bad state");
        var before = await _repo.Git.RunBytesAsync(["cat-file", "blob", "HEAD:" + TestRepository.TaskList]);

        var ex = await Assert.ThrowsAsync<GitMirrorException>(() => Mirror().CommitAsync(new ColdTransition("PR-002", ColdState.Blocked, ColdState.Ready)));

        Assert.Contains("PR-002", ex.Message);
        Assert.Contains("cold_state", ex.Message);
        Assert.Equal(before, await CommittedBlob());
    }
}
