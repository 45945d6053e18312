using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Core.Leases;

namespace Lemegeton.Core.Tests.Leases;

public class LeasePathsTests
{
    [Theory]
    [InlineData("src/a.cs", "src/a.cs")]
    [InlineData(@"src\api\users.cs", "src/api/users.cs")]
    [InlineData("./src//a.cs", "src/a.cs")]
    [InlineData("src/./a.cs", "src/a.cs")]
    [InlineData("docs/api/", "docs/api/")]
    [InlineData(@"docs\api\", "docs/api/")]
    [InlineData("  src/a.cs  ", "src/a.cs")]
    public void Normalises_separators_and_dot_segments(string input, string expected)
    {
        var result = LeasePaths.Normalize(input);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Path);
        Assert.Null(result.ErrorCode);
    }

    [Theory]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData(@"C:\repo\a.cs", "drive")]
    [InlineData(@"\\server\share\a.cs", "absolute")]
    [InlineData("~/a.cs", "home")]
    [InlineData("../outside.cs", "'..'")]
    [InlineData("src/../../outside.cs", "'..'")]
    [InlineData("src/../a.cs", "'..'")]
    [InlineData("src/a\0.cs", "NUL")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("./", "repository root")]
    public void Refuses_paths_that_are_not_repository_relative(string input, string why)
    {
        var result = LeasePaths.Normalize(input);
        Assert.False(result.IsValid);
        Assert.Equal("invalid-path", result.ErrorCode);
        Assert.Contains(why, result.Error);
    }

    [Fact]
    public void A_request_over_the_file_limit_is_refused_as_a_whole()
    {
        var paths = Enumerable.Range(0, 101).Select(i => $"src/f{i}.cs").ToList();
        var refused = LeasePaths.NormalizeRequest(paths);
        Assert.True(refused.TooManyFiles);
        Assert.False(refused.IsValid);
        Assert.Empty(refused.Paths);
        Assert.StartsWith("too-many-files", refused.Error);

        var accepted = LeasePaths.NormalizeRequest(paths.Take(100));
        Assert.True(accepted.IsValid);
        Assert.Equal(100, accepted.Paths.Count);
        Assert.True(LeasePaths.NormalizeRequest(paths, maxFiles: 200).IsValid);
    }

    [Fact]
    public void A_request_reports_each_invalid_path_and_dedupes_the_valid_ones()
    {
        var result = LeasePaths.NormalizeRequest(["src/a.cs", @"src\a.cs", "/abs", "../x", "src/b.cs"]);
        Assert.Equal(["src/a.cs", "src/b.cs"], result.Paths);
        Assert.Equal(["/abs", "../x"], result.Invalid.Select(i => i.Original));
        Assert.False(result.IsValid);
        Assert.Contains("invalid-path: '/abs'", result.Error);
    }

    [Theory]
    [InlineData("a/b.cs", "a/b.cs", true)]
    [InlineData("a/", "a/b/c.cs", true)]
    [InlineData("a/b/c.cs", "a/", true)]
    [InlineData("a/", "a/", true)]
    [InlineData("a/", "ab/c.cs", false)]
    [InlineData("a/b.cs", "a/b.csx", false)]
    [InlineData("a", "a/b.cs", false)]
    public void Directories_cover_everything_under_them(string a, string b, bool overlaps) =>
        Assert.Equal(overlaps, LeasePaths.Overlaps(a, b));

    [Fact]
    public void Ancestors_are_listed_outermost_first() =>
        Assert.Equal(["a/", "a/b/"], LeasePaths.Ancestors("a/b/c.cs"));

    [Fact]
    public void Normalising_is_idempotent_and_never_yields_a_path_that_climbs()
    {
        var chars = Gen.Elements('a', 'b', '/', '\\', '.', ' ', ':');
        Prop.ForAll(Arb.From(Gen.ArrayOf(chars).Select(c => new string(c))), text =>
        {
            var result = LeasePaths.Normalize(text);
            if (!result.IsValid) return result.ErrorCode == "invalid-path" && result.Error is not null;
            var path = result.Path!;
            return LeasePaths.Normalize(path).Path == path
                && !path.StartsWith('/') && !path.Contains('\\') && !path.Contains("//")
                && path.Split('/').All(s => s is not ".." and not ".");
        }).QuickCheckThrowOnFailure();
    }
}
