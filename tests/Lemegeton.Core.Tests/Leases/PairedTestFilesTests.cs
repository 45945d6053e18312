using Lemegeton.Core.Leases;

namespace Lemegeton.Core.Tests.Leases;

public class PairedTestFilesTests
{
    [Theory]
    [InlineData("src/auth/AuthService.test.ts", true)]
    [InlineData("src/auth/AuthService.spec.ts", true)]
    [InlineData("pkg/x_test.go", true)]
    [InlineData("spec/models/user_spec.rb", true)]
    [InlineData("tests/test_parser.py", true)]
    [InlineData("src/__tests__/utils.ts", true)]
    [InlineData("test/helpers.js", true)]
    [InlineData("tests/auth/thing.ts", true)]
    [InlineData("src/auth/AuthService.ts", false)]
    [InlineData("src/testing/Harness.cs", false)]
    [InlineData("README.md", false)]
    public void Detects_test_files(string path, bool expected) => Assert.Equal(expected, PairedTestFiles.IsTestFile(path));

    [Fact]
    public void Finds_the_reference_candidates_for_a_typescript_source()
    {
        Assert.Equal(
            [
                "tests/auth/AuthService.test.ts", "test/auth/AuthService.test.ts", "tests/auth/AuthService.spec.ts",
                "spec/auth/AuthService.spec.ts", "src/auth/AuthService.test.ts", "src/auth/AuthService.spec.ts",
                "src/auth/__tests__/AuthService.ts",
            ],
            PairedTestFiles.FindTestFiles("src/auth/AuthService.ts"));
    }

    [Fact]
    public void Finds_javascript_tests_including_lib_layouts()
    {
        var candidates = PairedTestFiles.FindTestFiles("lib/util/format.js");
        Assert.Contains("test/util/format.test.js", candidates);
        Assert.Contains("lib/util/__tests__/format.js", candidates);
        Assert.Contains("tests/utils/x.test.js", PairedTestFiles.FindTestFiles("src/utils/x.js"));
    }

    [Fact]
    public void Finds_python_and_go_tests_with_relative_paths()
    {
        var python = PairedTestFiles.FindTestFiles("app/parser.py");
        Assert.Contains("tests/test_parser.py", python);
        Assert.Contains("tests/parser_test.py", python);
        Assert.All(python, p => Assert.False(p.StartsWith('/'), p)); // the reference produced "/tests/test_x.py"
        Assert.Contains("pkg/server/handler_test.go", PairedTestFiles.FindTestFiles("pkg/server/handler.go"));
    }

    [Fact]
    public void Maps_a_top_level_tests_file_back_to_src()
    {
        // The reference returned tests/auth/AuthService.ts here (spec §15 C.13).
        Assert.Equal(["src/auth/AuthService.ts"], PairedTestFiles.FindSourceFiles("tests/auth/AuthService.test.ts"));
        Assert.Equal(["src/auth/AuthService.ts"], PairedTestFiles.FindSourceFiles("spec/auth/AuthService.spec.ts"));
    }

    [Fact]
    public void Maps_colocated_and_dunder_tests_back_to_their_source()
    {
        Assert.Equal(["src/auth/AuthService.ts"], PairedTestFiles.FindSourceFiles("src/auth/AuthService.test.ts"));
        Assert.Equal(["src/utils/format.ts"], PairedTestFiles.FindSourceFiles("src/utils/__tests__/format.test.ts"));
        Assert.Equal(["src/utils/format.ts"], PairedTestFiles.FindSourceFiles("src/utils/__tests__/format.ts"));
        Assert.Equal(["pkg/server/handler.go"], PairedTestFiles.FindSourceFiles("pkg/server/handler_test.go"));
        Assert.Equal(["lib/models/user.rb", "app/models/user.rb"], PairedTestFiles.FindSourceFiles("spec/models/user_spec.rb"));
    }

    [Fact]
    public void Strips_the_python_test_prefix_without_stripping_twice()
    {
        Assert.Equal(["parser.py", "src/parser.py"], PairedTestFiles.FindSourceFiles("tests/test_parser.py"));
        // One suffix per pattern: "x.test.spec.ts" is not reduced to "x.ts" (the reference's mutation bug).
        Assert.DoesNotContain("src/x.ts", PairedTestFiles.FindSourceFiles("src/x.test.spec.ts"));
    }

    [Fact]
    public void Expands_sources_with_tests_and_tests_with_sources_filtered_by_existence()
    {
        var disk = new HashSet<string> { "src/auth/AuthService.ts", "tests/auth/AuthService.test.ts", "src/db/Pool.ts", "src/db/Pool.spec.ts" };
        Assert.Equal(["src/auth/AuthService.ts", "tests/auth/AuthService.test.ts"],
            PairedTestFiles.Expand(["src/auth/AuthService.ts"], disk.Contains));
        Assert.Equal(["tests/auth/AuthService.test.ts", "src/auth/AuthService.ts"],
            PairedTestFiles.Expand(["tests/auth/AuthService.test.ts"], disk.Contains));
        Assert.Equal(["src/auth/AuthService.ts", "src/db/Pool.ts", "docs/", "tests/auth/AuthService.test.ts", "src/db/Pool.spec.ts"],
            PairedTestFiles.Expand(["src/auth/AuthService.ts", "src/db/Pool.ts", "docs/", "src/auth/AuthService.ts"], disk.Contains));
    }

    [Fact]
    public void Without_an_existence_check_every_candidate_is_added()
    {
        var expanded = PairedTestFiles.Expand(["src/auth/AuthService.ts"]);
        Assert.Equal(8, expanded.Count);
        Assert.Equal("src/auth/AuthService.ts", expanded[0]);
    }
}
