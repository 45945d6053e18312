using System.Globalization;
using Lemegeton.Agent.Execution;
using Lemegeton.Agent.Workspace;

namespace Lemegeton.Agent.Tests;

/// <summary>The demo's and tests' stand-in coding tool, on a real git repository.</summary>
public sealed class FakeCoderTests : IDisposable
{
    private readonly DirectoryInfo _repo = Directory.CreateTempSubdirectory("lmg-fake-coder-");

    public void Dispose() => _repo.Delete(recursive: true);

    private async Task GitAsync(params string[] args)
    {
        var run = await GitCli.RunAsync(_repo.FullName, ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", .. args]);
        Assert.True(run.Ok, $"git {string.Join(' ', args)}: {run.Error}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Agents_committing_at_the_same_moment_in_one_working_tree_all_get_their_commit()
    {
        const int agents = 8;
        await GitAsync("init", "-q", "-b", "main");
        await GitAsync("commit", "-q", "--allow-empty", "-m", "start");

        // Each agent its own files; all commit at once, so index.lock and HEAD are contended.
        var runs = Enumerable.Range(1, agents).Select(i => Task.Run(async () =>
        {
            var pr = $"PR-{i:000}";
            var environment = new Dictionary<string, string?>
            {
                ["LEMEGETON_PR_ID"] = pr,
                ["LEMEGETON_PR_TITLE"] = "Part " + i.ToString(CultureInfo.InvariantCulture),
                ["LEMEGETON_FILES"] = $"src/part{i}.cs\nsrc/part{i}.test.cs",
            };
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await FakeCoder.RunAsync(new FakeCoder.Options(), _repo.FullName, environment, output, error, CancellationToken.None);
            return (pr, code, error.ToString());
        })).ToList();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.code == 0, $"{r.pr}: {r.Item3}"));
        var log = await GitCli.RunAsync(_repo.FullName, "log", "--format=%s");
        var subjects = log.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(agents + 1, subjects.Length);
        Assert.All(Enumerable.Range(1, agents), i => Assert.Contains($"PR-{i:000}: Part {i}", subjects));
        Assert.Equal("", (await GitCli.RunAsync(_repo.FullName, "status", "--porcelain")).Output.Trim());
    }
}
