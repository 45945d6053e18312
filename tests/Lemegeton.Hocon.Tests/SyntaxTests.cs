namespace Lemegeton.Hocon.Tests;

public sealed class SyntaxTests
{
    [Fact]
    public void Json_is_valid_hocon()
    {
        var root = Hocon.Parse("""{ "a": 1, "b": [true, false, null], "c": { "d": "e" }, "f": -1.5e3 }""");

        Assert.Equal(1, root.GetInt("a"));
        var list = Assert.IsType<HoconArray>(root.GetValue("b"));
        Assert.Equal([HoconScalarKind.Boolean, HoconScalarKind.Boolean, HoconScalarKind.Null], list.Items.Select(i => ((HoconScalar)i).Kind));
        Assert.Equal("e", root.GetString("c.d"));
        Assert.Equal(-1500d, root.GetDouble("f"));
        Assert.Equal(HoconScalarKind.Number, ((HoconScalar)root.GetValue("f")!).Kind);
    }

    [Fact]
    public void Root_braces_may_be_omitted_and_equals_colon_or_brace_separate_keys()
    {
        var root = Hocon.Parse("""
            a = 1
            b : 2
            c { d = 3 }
            e: { f = 4 }
            """);

        Assert.Equal([1, 2, 3, 4], new[] { root.GetInt("a"), root.GetInt("b"), root.GetInt("c.d"), root.GetInt("e.f") });
    }

    [Fact]
    public void Newlines_replace_commas_and_one_trailing_comma_is_allowed()
    {
        var root = Hocon.Parse("""
            a = [
              1
              2,
              3,
            ]
            b = 1, c = 2,
            """);

        Assert.Equal(3, ((HoconArray)root.GetValue("a")!).Count);
        Assert.Equal(2, root.GetInt("c"));
    }

    [Fact]
    public void Hash_and_double_slash_comments_are_ignored_but_end_the_line()
    {
        var root = Hocon.Parse("""
            # a comment
            a = 1 // trailing comment
            b = "x # not a comment" # comment
            c = a//b
            // last
            """);

        Assert.Equal(1, root.GetInt("a"));
        Assert.Equal("x # not a comment", root.GetString("b"));
        Assert.Equal("a", root.GetString("c")); // '//' starts a comment even inside unquoted text, per spec
    }

    [Fact]
    public void Quoted_strings_decode_json_escapes()
    {
        var root = Hocon.Parse("""a = "tab\tquote\"back\\slash\/u\u00e9" """);

        Assert.Equal("tab\tquote\"back\\slash/ué", root.GetString("a"));
        Assert.True(((HoconScalar)root.GetValue("a")!).Quoted);
    }

    [Fact]
    public void Triple_quoted_strings_are_raw_and_span_lines()
    {
        var root = Hocon.Parse("a = \"\"\"line 1\n  \"quoted\" \\n no escape\"\"\"\"\nb = 2");

        Assert.Equal("line 1\n  \"quoted\" \\n no escape\"", root.GetString("a"));
        Assert.Equal(2, root.GetInt("b"));
    }

    [Fact]
    public void Unquoted_strings_and_literals_are_typed()
    {
        var root = Hocon.Parse("s = hello-world_1.5, t = true, n = null, i = 42, d = 500ms, path = /usr/local/bin");

        Assert.Equal("hello-world_1.5", root.GetString("s"));
        Assert.True(root.GetBool("t"));
        Assert.False(root.HasPath("n"));
        Assert.Equal(HoconScalarKind.Number, ((HoconScalar)root.GetValue("i")!).Kind);
        Assert.Equal(HoconScalarKind.String, ((HoconScalar)root.GetValue("d")!).Kind);
        Assert.Equal("/usr/local/bin", root.GetString("path"));
    }

    [Fact]
    public void Simple_values_on_one_line_concatenate_keeping_inner_whitespace()
    {
        var root = Hocon.Parse("""
            a = foo  bar   "baz qux"
            b = 10 seconds
            c = "x"y"z"
            """);

        Assert.Equal("foo  bar   baz qux", root.GetString("a"));
        Assert.Equal("10 seconds", root.GetString("b"));
        Assert.Equal(TimeSpan.FromSeconds(10), root.GetDuration("b"));
        Assert.Equal("xyz", root.GetString("c"));
    }

    [Fact]
    public void Dotted_keys_create_nested_objects_and_quotes_protect_dots()
    {
        var root = Hocon.Parse("""
            a.b.c = 1
            "x.y" = 2
            p."q.r".s = 3
            a b c = 4
            """);

        Assert.Equal(1, root.GetInt("a.b.c"));
        Assert.Equal("2", root["x.y"]!.ToString());
        Assert.Equal(3, root.GetInt("p.\"q.r\".s"));
        Assert.Equal(4, root.GetInt("\"a b c\""));
    }

    [Fact]
    public void Numeric_looking_keys_split_at_dots_and_stay_strings()
    {
        var root = Hocon.Parse("3.14 = pi, true = yes");

        Assert.Equal("pi", root.GetString("3.14"));
        Assert.Equal("pi", ((HoconObject)root["3"]!)["14"]!.ToString());
        Assert.True(root.GetBool("\"true\""));
    }

    [Fact]
    public void Include_is_an_ordinary_word_outside_the_start_of_a_key()
    {
        var root = Hocon.Parse("""
            foo include = 1
            bar = include
            "include" = 2
            """);

        Assert.Equal(1, root.GetInt("\"foo include\""));
        Assert.Equal("include", root.GetString("bar"));
        Assert.Equal(2, root.GetInt("\"include\""));
    }

    [Fact]
    public void Braced_root_and_byte_order_mark_and_crlf_are_accepted()
    {
        var root = Hocon.Parse("\uFEFF{\r\n  a = 1\r\n  b = x\r\n}\r\n");

        Assert.Equal(1, root.GetInt("a"));
        Assert.Equal("x", root.GetString("b"));
    }

    [Fact]
    public void Empty_document_is_an_empty_object()
    {
        Assert.Equal(0, Hocon.Parse("  \n # nothing\n").Count);
    }

    [Fact]
    public void Positions_are_one_based_line_and_column()
    {
        var root = Hocon.Parse("a {\n  b = 1\n    c = \"x\"\n}", fileName: "p.conf");

        Assert.Equal(new HoconPosition("p.conf", 2, 7), root.GetValue("a.b")!.Position);
        Assert.Equal(new HoconPosition("p.conf", 3, 9), root.GetValue("a.c")!.Position);
    }

    [Fact]
    public void Keys_concatenate_quoted_and_unquoted_parts()
    {
        var root = Hocon.Parse("foo\"bar\".baz = 1\n\"\".x = 2");

        Assert.Equal(1, root.GetInt("foobar.baz"));
        Assert.Equal(2, ((HoconObject)root[""]!).GetInt("x"));
    }

    [Fact]
    public void Numbers_keep_their_text_and_exponent_signs_lex_as_numbers()
    {
        var root = Hocon.Parse("a = 1e+5\nb = 0.333\nc = 007");

        Assert.Equal(100000d, root.GetDouble("a"));
        Assert.Equal("0.333", root.GetString("b"));
        Assert.Equal(HoconScalarKind.String, ((HoconScalar)root.GetValue("c")!).Kind);
    }
}
