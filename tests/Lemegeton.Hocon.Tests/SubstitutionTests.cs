namespace Lemegeton.Hocon.Tests;

public sealed class SubstitutionTests
{
    [Fact]
    public void Substitution_keeps_the_type_of_a_lone_value_and_looks_forward()
    {
        var root = Hocon.Parse("""
            a = ${b.c}
            list = ${b.l}
            obj = ${b}
            b { c = 42, l = [1, 2] }
            """);

        Assert.Equal(HoconScalarKind.Number, ((HoconScalar)root.GetValue("a")!).Kind);
        Assert.Equal(42, root.GetInt("a"));
        Assert.Equal(["1", "2"], root.GetStringList("list"));
        Assert.Equal(42, root.GetInt("obj.c"));
    }

    [Fact]
    public void Substitution_sees_the_final_merged_value()
    {
        var root = Hocon.Parse("a = ${b}\nb = 1\nb = 2");

        Assert.Equal(2, root.GetInt("a"));
    }

    [Fact]
    public void Substitutions_concatenate_into_strings()
    {
        var root = Hocon.Parse("""
            name = world
            greeting = hello ${name}"!"
            path = ${dir}/sub
            dir = /tmp
            """);

        Assert.Equal("hello world!", root.GetString("greeting"));
        Assert.Equal("/tmp/sub", root.GetString("path"));
    }

    [Fact]
    public void Lists_and_objects_concatenate_through_substitutions()
    {
        var root = Hocon.Parse("""
            base = [1, 2]
            all = ${base} [3] ${base}
            defaults { a = 1, b = 1 }
            custom = ${defaults} { b = 2 }
            """);

        Assert.Equal(["1", "2", "3", "1", "2"], root.GetStringList("all"));
        Assert.Equal(1, root.GetInt("custom.a"));
        Assert.Equal(2, root.GetInt("custom.b"));
        Assert.Equal(1, root.GetInt("defaults.b"));
    }

    [Fact]
    public void Missing_substitution_falls_back_to_the_environment()
    {
        var root = Hocon.Parse("home = ${HOME}\nport = ${?PORT}\nmissing = ${?NOPE}", new Dictionary<string, string> { ["HOME"] = "/home/me", ["PORT"] = "6379" });

        Assert.Equal("/home/me", root.GetString("home"));
        Assert.Equal(6379, root.GetInt("port"));
        Assert.False(root.HasPath("missing"));
        Assert.Null(root.GetValue("missing"));
    }

    [Fact]
    public void Config_value_wins_over_environment_and_null_blocks_the_environment()
    {
        var env = new Dictionary<string, string> { ["HOME"] = "/env", ["X"] = "env" };
        var root = Hocon.Parse("HOME = /conf\nh = ${HOME}\nX = null\nx = ${X}", env);

        Assert.Equal("/conf", root.GetString("h"));
        Assert.True(((HoconScalar)root.GetValue("x")!).IsNull);
    }

    [Fact]
    public void Undefined_optional_substitution_keeps_the_earlier_value()
    {
        var root = Hocon.Parse("timeout = 5s\ntimeout = ${?TIMEOUT}\nretries = 3\nretries = ${?RETRIES}", new Dictionary<string, string> { ["RETRIES"] = "9" });

        Assert.Equal(TimeSpan.FromSeconds(5), root.GetDuration("timeout"));
        Assert.Equal(9, root.GetInt("retries"));
    }

    [Fact]
    public void Undefined_optional_substitution_is_empty_in_a_string_and_dropped_from_a_list()
    {
        var root = Hocon.Parse("s = a${?NOPE}b\nl = [1, ${?NOPE}, 2]\nboth = ${?X}${?Y}");

        Assert.Equal("ab", root.GetString("s"));
        Assert.Equal(["1", "2"], root.GetStringList("l"));
        Assert.False(root.HasPath("both"));
    }

    [Fact]
    public void Self_reference_extends_the_earlier_value()
    {
        var root = Hocon.Parse("""
            path = "a:b:c"
            path = ${path}":d"
            list = [1]
            list = ${list} [2]
            obj { a = 1 }
            obj = ${obj} { b = 2 }
            """);

        Assert.Equal("a:b:c:d", root.GetString("path"));
        Assert.Equal(["1", "2"], root.GetStringList("list"));
        Assert.Equal(1, root.GetInt("obj.a"));
        Assert.Equal(2, root.GetInt("obj.b"));
    }

    [Fact]
    public void Self_reference_inside_a_nested_field_sees_the_earlier_nested_value()
    {
        var root = Hocon.Parse("""
            a { x = 0 }
            a { x = ${a.x} 1 }
            """);

        Assert.Equal("0 1", root.GetString("a.x"));
    }

    [Fact]
    public void Self_reference_to_a_sub_path_looks_below_as_in_the_spec()
    {
        var root = Hocon.Parse("""
            foo : { a : { c : 1 } }
            foo : ${foo.a}
            foo : { a : 2 }
            """);

        Assert.Equal(2, root.GetInt("foo.a"));
        Assert.Equal(1, root.GetInt("foo.c"));
    }

    [Fact]
    public void Optional_self_reference_without_earlier_value_disappears()
    {
        var root = Hocon.Parse("a = ${?a}foo\nb = ${?b}");

        Assert.Equal("foo", root.GetString("a"));
        Assert.False(root.HasPath("b"));
    }

    [Fact]
    public void Required_self_reference_without_earlier_value_reads_the_environment()
    {
        var root = Hocon.Parse("PATH = ${PATH}\":/extra\"", new Dictionary<string, string> { ["PATH"] = "/bin" });

        Assert.Equal("/bin:/extra", root.GetString("PATH"));
    }

    [Fact]
    public void Plus_equals_appends_to_a_list_or_starts_one()
    {
        var root = Hocon.Parse("""
            a = [1]
            a += 2
            a += [3]
            fresh += x
            nested { l += 1, l += 2 }
            """);

        var a = (HoconArray)root.GetValue("a")!;
        Assert.Equal(3, a.Count);
        Assert.Equal(["1", "2"], a.Items.Take(2).Select(i => i.ToString()));
        Assert.IsType<HoconArray>(a[2]); // a += [3] appends one element, the list [3], as the spec says
        Assert.Equal(["x"], root.GetStringList("fresh"));
        Assert.Equal(["1", "2"], root.GetStringList("nested.l"));
    }

    [Fact]
    public void Plus_equals_on_a_nested_path_extends_the_earlier_definition()
    {
        var root = Hocon.Parse("a { list = [x] }\na.list += y\na { list += z }");

        Assert.Equal(["x", "y", "z"], root.GetStringList("a.list"));
    }

    [Fact]
    public void Object_may_refer_to_its_own_fields_and_objects_to_each_other()
    {
        var root = Hocon.Parse("""
            bar : { foo : 42, baz : ${bar.foo} }
            bar : { foo : 43 }
            x : { a : ${y.d}, b : 1 }
            x.b = 3
            y : { c : ${x.b}, d : 2 }
            y.d = 4
            """);

        Assert.Equal(43, root.GetInt("bar.baz"));
        Assert.Equal(4, root.GetInt("x.a"));
        Assert.Equal(3, root.GetInt("y.c"));
    }

    [Fact]
    public void Hidden_substitution_is_never_evaluated()
    {
        var root = Hocon.Parse("foo = ${does-not-exist}\nfoo = 42\nbar = ${bar}\nbar = 1");

        Assert.Equal(42, root.GetInt("foo"));
        Assert.Equal(1, root.GetInt("bar"));
    }

    [Fact]
    public void Substitution_is_resolved_once_and_shared()
    {
        var root = Hocon.Parse("a = ${c}\nb = ${c}\nc = { x = 1 }");

        Assert.Same(root.GetValue("a"), root.GetValue("b"));
    }

    [Fact]
    public void Quoted_path_elements_in_substitutions()
    {
        var root = Hocon.Parse("""
            "a.b" { c = 1 }
            x = ${"a.b".c}
            """);

        Assert.Equal(1, root.GetInt("x"));
    }

    [Fact]
    public void Earlier_object_merges_with_a_substitution_that_resolves_to_an_object()
    {
        var root = Hocon.Parse("a { x = 1 }\na = ${b}\na.z = 3\nb { y = 2 }");

        Assert.Equal(1, root.GetInt("a.x"));
        Assert.Equal(2, root.GetInt("a.y"));
        Assert.Equal(3, root.GetInt("a.z"));
        Assert.False(root.HasPath("b.x"));
    }

    [Fact]
    public void Paths_through_substituted_objects_and_inside_lists_resolve()
    {
        var root = Hocon.Parse("""
            a = ${b}
            b { x = 1 }
            c = ${a.x}
            l = [{ v = ${c} }, ${a}]
            """);

        Assert.Equal(1, root.GetInt("c"));
        var list = (HoconArray)root.GetValue("l")!;
        Assert.Equal(1, ((HoconObject)list[0]).GetInt("v"));
        Assert.Equal(1, ((HoconObject)list[1]).GetInt("x"));
    }

    [Fact]
    public void Object_literals_on_one_line_merge()
    {
        var root = Hocon.Parse("a = { x = 1, y = 1 } { y = 2 }");

        Assert.Equal(1, root.GetInt("a.x"));
        Assert.Equal(2, root.GetInt("a.y"));
    }

    [Fact]
    public void Environment_values_are_unquoted_strings()
    {
        var root = Hocon.Parse("t = ${?T}", new Dictionary<string, string> { ["T"] = "30s" });

        var scalar = (HoconScalar)root.GetValue("t")!;
        Assert.False(scalar.Quoted);
        Assert.Equal(TimeSpan.FromSeconds(30), root.GetDuration("t"));
    }

    [Fact]
    public void Hundreds_of_appends_to_one_list_resolve()
    {
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => $"plugins += p{i}\n"));

        var list = Hocon.Parse(text).GetStringList("plugins");

        Assert.Equal(300, list.Count);
        Assert.Equal("p299", list[^1]);
    }
}
