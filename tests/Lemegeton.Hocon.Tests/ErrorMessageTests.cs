namespace Lemegeton.Hocon.Tests;

/// <summary>Every message starts with file:line:col and says what was expected.</summary>
public sealed class ErrorMessageTests
{
    [Theory]
    [InlineData("a {\n  b = 1\n", "lemegeton.conf:3:1: expected '}' to close the object opened at line 1, column 3, got the end of the file")]
    [InlineData("a = [1, 2\n", "lemegeton.conf:2:1: expected ']' to close the list opened at line 1, column 5, got the end of the file")]
    [InlineData("a = 1\nb\nc = 2", "lemegeton.conf:2:2: expected ':', '=' or '{' after the key 'b', got a new line")]
    [InlineData("a = \n\n", "lemegeton.conf:3:1: expected a value for 'a', got the end of the file")]
    [InlineData("a = 1,,\n", "lemegeton.conf:1:7: expected a key, got ','")]
    [InlineData("a = [1,,2]", "lemegeton.conf:1:8: expected a list element, got ','")]
    [InlineData("a = 1 }", "lemegeton.conf:1:7: expected ',' or a new line after a field, got '}'")]
    [InlineData("a = [1 2 }", "lemegeton.conf:1:10: expected ',', a new line or ']' after a list element, got '}'")]
    [InlineData("x {\n  name = \"unterminated\n}", "lemegeton.conf:2:10: unterminated quoted string: a \"…\" string must end on the line it starts (use \"\"\"…\"\"\" for text over several lines)")]
    [InlineData("a = \"\"\"never closed", "lemegeton.conf:1:5: unterminated triple-quoted string: no closing \"\"\"")]
    [InlineData("a = \"bad \\q escape\"", "lemegeton.conf:1:10: invalid escape '\\q' in a quoted string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")]
    [InlineData("a = x+y", "lemegeton.conf:1:6: '+' is only allowed as part of '+='; put a value containing '+' in double quotes")]
    [InlineData("a = what?", "lemegeton.conf:1:9: the character '?' is not allowed in an unquoted string; put the value in double quotes")]
    [InlineData("a = $HOME", "lemegeton.conf:1:5: '$' must start a substitution like ${a.b}; put a value containing '$' in double quotes")]
    [InlineData("a = ${b", "lemegeton.conf:1:5: unterminated substitution: expected '}' to close '${'")]
    [InlineData("a..b = 1", "lemegeton.conf:1:1: invalid key 'a..b': a path element is empty (write \"\" to mean an empty key)")]
    [InlineData("${a} = 1", "lemegeton.conf:1:1: a key cannot contain a substitution; substitutions are only allowed in values")]
    [InlineData("[1, 2]", "lemegeton.conf:1:1: the document is a list, but a configuration file must hold an object (fields, optionally inside { })")]
    [InlineData("{ a = 1 }\nb = 2", "lemegeton.conf:2:1: expected the end of the file after the closing '}' of the root object, got 'b'")]
    [InlineData("include\n", "lemegeton.conf:2:1: expected a quoted file name after 'include' (e.g. include \"other.conf\" or include required(file(\"other.conf\"))), got the end of the file; write \"include\" in quotes to use it as a key")]
    [InlineData("include url(\"http://x\")", "lemegeton.conf:1:1: include url(…) is not supported; include files with include \"name.conf\" or include file(\"name.conf\")")]
    public void Syntax_errors_name_file_line_and_column(string text, string message)
    {
        var error = Hocon.Error(text, "lemegeton.conf");

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Error_exposes_position_parts()
    {
        var error = Hocon.Error("a {\n  b = 1\n  c = [\n}", "lemegeton.conf");

        Assert.Equal("lemegeton.conf", error.FileName);
        Assert.Equal(4, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Equal("expected a list element, got '}'", error.Problem);
    }

    [Fact]
    public void Unnamed_text_is_reported_as_string()
    {
        Assert.StartsWith("<string>:1:5: ", Hocon.Error("a = }", fileName: null).Message);
    }

    [Fact]
    public void Unresolvable_substitution_names_its_position_and_the_environment_variable()
    {
        var error = Hocon.Error("a = 1\nb = x ${c.d}", "lemegeton.conf");

        Assert.Equal("lemegeton.conf:2:7: could not resolve ${c.d}: there is no such path in the configuration and no environment variable named c.d", error.Message);
    }

    [Fact]
    public void Self_reference_without_earlier_value_says_how_to_fix_it()
    {
        var error = Hocon.Error("a = ${a}", "lemegeton.conf");

        Assert.Equal("lemegeton.conf:1:5: ${a} refers to the field it defines, which has no earlier value; define it before this line, write ${?a}, or set the environment variable a", error.Message);
    }

    [Fact]
    public void Cycles_are_reported_with_the_chain()
    {
        var error = Hocon.Error("a : ${b}\nb : ${c}\nc : ${a}", "lemegeton.conf");

        Assert.Equal("lemegeton.conf:3:5: substitution cycle: ${b} -> ${c} -> ${a}; a value cannot depend on itself (to extend an earlier value, define it before this line)", error.Message);
    }

    [Fact]
    public void Object_containing_a_reference_to_itself_is_a_cycle()
    {
        var error = Hocon.Error("a : { b : ${a} }", "lemegeton.conf");

        Assert.StartsWith("lemegeton.conf:1:11: substitution cycle: ${a}", error.Message);
    }

    [Fact]
    public void Plus_equals_on_a_non_list_names_both_places()
    {
        var error = Hocon.Error("a = 1\na += 2", "lemegeton.conf");

        Assert.Equal("lemegeton.conf:2:3: 'a +=' appends to a list, but 'a' already holds the number 1 (defined at lemegeton.conf:1:5)", error.Message);
    }

    [Fact]
    public void Concatenating_a_list_with_a_string_is_an_error()
    {
        var error = Hocon.Error("l = [1]\nx = ${l} text", "lemegeton.conf");

        Assert.Equal("lemegeton.conf:2:5: cannot concatenate a list with the string 'text'; only strings, lists or objects can be joined with each other", error.Message);
    }

    [Fact]
    public void Type_errors_of_getters_name_the_value_and_path()
    {
        var root = Hocon.Parse("lemegeton {\n  leases {\n    ttl = soon\n    n = ten\n  }\n}", fileName: "lemegeton.conf");

        var duration = Assert.Throws<HoconException>(() => root.GetDuration("lemegeton.leases.ttl"));
        var number = Assert.Throws<HoconException>(() => root.GetInt("lemegeton.leases.n"));
        var missing = Assert.Throws<HoconException>(() => root.GetString("lemegeton.nope"));

        Assert.Equal("lemegeton.conf:3:11: lemegeton.leases.ttl: expected a duration such as 500ms, 30s or 5m, got the string 'soon'", duration.Message);
        Assert.Equal("lemegeton.conf:4:9: lemegeton.leases.n: expected a whole number, got the string 'ten'", number.Message);
        Assert.Equal("lemegeton.conf:1:1: no value at path 'lemegeton.nope'", missing.Message);
    }

    [Fact]
    public void Hostile_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var error = Hocon.Error("a = " + new string('[', 100_000), "lemegeton.conf");

        Assert.Equal("lemegeton.conf:1:261: objects and lists are nested more than 256 levels deep", error.Message);
    }

    [Fact]
    public void A_path_key_with_more_parts_than_the_nesting_bound_is_refused_instead_of_overflowing_the_stack()
    {
        var error = Hocon.Error("x = 1\n" + string.Join('.', Enumerable.Repeat("a", 100_000)) + " = 1", "lemegeton.conf");

        Assert.StartsWith("lemegeton.conf:2:1: objects and lists are nested more than 256 levels deep (the key 'a.a.a.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_keys_and_braces_add_up_against_the_nesting_bound()
    {
        var inside = string.Join('.', Enumerable.Repeat("a", 200)) + " = " + new string('[', 60) + new string(']', 60);
        var ok = string.Join('.', Enumerable.Repeat("a", 200)) + " = " + new string('[', 50) + new string(']', 50);

        Assert.Contains("nested more than 256 levels deep", Hocon.Error(inside).Message, StringComparison.Ordinal);
        Assert.NotNull(Hocon.Parse(ok));
    }

    [Fact]
    public void Very_long_substitution_chains_are_refused_cleanly()
    {
        var text = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"k{i} = ${{k{i + 1}}}")) + "\nk5000 = end";

        var error = Hocon.Error(text, "lemegeton.conf");

        Assert.Contains("substitutions refer to one another in a chain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_redefinitions_of_one_field_are_refused_cleanly()
    {
        var text = "a = 1\n" + string.Concat(Enumerable.Repeat("a = ${?X}\n", 100_000));

        var error = Hocon.Error(text, "lemegeton.conf");

        Assert.Equal("lemegeton.conf:514:5: this field is redefined with substitutions more than 512 times; define it once", error.Message);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Garbage_input_never_escapes_as_anything_but_a_hocon_exception()
    {
        // Deterministic mutation fuzz over a realistic document: bad input must fail cleanly, never crash.
        var reference = Lemegeton.Hocon.Configuration.LemegetonConfiguration.ReadReferenceConf();
        var random = new Random(20261121);
        const string alphabet = "{}[]=:,+\"$?#/\\\n .abc123${}\"\"\"";
        for (var i = 0; i < 1500; i++)
        {
            var chars = reference.ToCharArray();
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits; e++)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            try
            {
                HoconParser.Parse(new string(chars), "fuzz.conf", Hocon.Options());
            }
            catch (HoconException)
            {
                // expected for most mutations
            }
        }
    }
}
