namespace Lemegeton.Hocon.Tests;

public sealed class IncludeTests
{
    [Fact]
    public void Include_merges_the_file_in_place_relative_to_the_including_file()
    {
        using var dir = new TempDirectory();
        dir.Write("conf/base.conf", "a = 1\nb = 1\nshared { x = 1 }");
        var main = dir.Write("conf/main.conf", """
            a = 0
            include "base.conf"
            b = 2
            shared.y = 2
            """);

        var root = HoconParser.ParseFile(main, Hocon.Options());

        Assert.Equal(1, root.GetInt("a"));
        Assert.Equal(2, root.GetInt("b"));
        Assert.Equal(1, root.GetInt("shared.x"));
        Assert.Equal(2, root.GetInt("shared.y"));
        Assert.Equal(Path.Combine(dir.Path, "conf", "base.conf"), root.GetValue("shared.x")!.Position.FileName);
    }

    [Fact]
    public void An_include_name_that_is_not_a_file_name_is_a_hocon_error()
    {
        // Found by the fuzz tests: a NUL in the name escaped as an ArgumentException from Path.GetFullPath.
        using var dir = new TempDirectory();
        var main = dir.Write("main.conf", "a = 1\ninclude \"x\\u0000y.conf\"\n");

        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(main, Hocon.Options()));

        Assert.StartsWith($"{main}:2:1: include \"x\\0y.conf\" is not a usable file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_and_required_forms_are_accepted()
    {
        using var dir = new TempDirectory();
        dir.Write("one.conf", "one = 1");
        dir.Write("two.conf", "two = 2");
        dir.Write("three.conf", "three = 3");
        var main = dir.Write("main.conf", """
            include file("one.conf")
            include required("two.conf")
            include required( file( "three.conf" ) )
            """);

        var root = HoconParser.ParseFile(main, Hocon.Options());

        Assert.Equal([1, 2, 3], new[] { root.GetInt("one"), root.GetInt("two"), root.GetInt("three") });
    }

    [Fact]
    public void Missing_include_is_ignored_unless_required()
    {
        using var dir = new TempDirectory();
        var main = dir.Write("main.conf", "include \"nope.conf\"\na = 1");
        var strict = dir.Write("strict.conf", "a = 1\ninclude required(\"nope.conf\")");

        Assert.Equal(1, HoconParser.ParseFile(main, Hocon.Options()).GetInt("a"));
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(strict, Hocon.Options()));
        Assert.Equal($"{strict}:2:1: required include \"nope.conf\" not found (looked for {Path.Combine(dir.Path, "nope.conf")})", error.Message);
    }

    [Fact]
    public void Include_without_extension_loads_conf_and_json()
    {
        using var dir = new TempDirectory();
        dir.Write("extra.json", """{ "a": 1, "b": 1 }""");
        dir.Write("extra.conf", "b = 2");
        var main = dir.Write("main.conf", "include \"extra\"");

        var root = HoconParser.ParseFile(main, Hocon.Options());

        Assert.Equal(1, root.GetInt("a"));
        Assert.Equal(2, root.GetInt("b"));
    }

    [Fact]
    public void Include_inside_an_object_relocates_its_substitutions_with_fallback_to_the_root()
    {
        using var dir = new TempDirectory();
        dir.Write("foo.conf", "x = 10\ny = ${x}\nz = ${top}");
        var main = dir.Write("main.conf", """
            top = T
            a { include "foo.conf" }
            a { x = 42 }
            """);

        var root = HoconParser.ParseFile(main, Hocon.Options());

        Assert.Equal(42, root.GetInt("a.y"));
        Assert.Equal("T", root.GetString("a.z"));
    }

    [Fact]
    public void Included_plus_equals_extends_the_including_files_list()
    {
        using var dir = new TempDirectory();
        dir.Write("more.conf", "list += b");
        var main = dir.Write("main.conf", "list = [a]\ninclude \"more.conf\"");

        Assert.Equal(["a", "b"], HoconParser.ParseFile(main, Hocon.Options()).GetStringList("list"));
    }

    [Fact]
    public void Include_of_text_without_a_file_name_uses_the_base_directory()
    {
        using var dir = new TempDirectory();
        dir.Write("x.conf", "x = 1");

        var root = HoconParser.Parse("include \"x.conf\"", null, new HoconParseOptions { BaseDirectory = dir.Path, EnvironmentVariables = _ => null });

        Assert.Equal(1, root.GetInt("x"));
    }

    [Fact]
    public void Include_cycle_is_an_error_naming_the_chain()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.conf", "include \"b.conf\"");
        var b = dir.Write("b.conf", "\n include \"a.conf\"");

        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(a, Hocon.Options()));

        Assert.Equal($"{b}:2:2: include cycle: {a} -> {b} -> {a}", error.Message);
    }

    [Fact]
    public void Errors_inside_an_included_file_name_that_file()
    {
        using var dir = new TempDirectory();
        var bad = dir.Write("bad.conf", "ok = 1\nbroken = [1, 2");
        var main = dir.Write("main.conf", "include \"bad.conf\"");

        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(main, Hocon.Options()));

        Assert.Equal(bad, error.FileName);
        Assert.Equal(2, error.Line);
        Assert.Equal(15, error.Column);
    }
}
