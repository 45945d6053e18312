namespace Lemegeton.Hocon.Tests;

public sealed class MergeTests
{
    [Fact]
    public void Later_scalar_overrides_earlier_value()
    {
        var root = Hocon.Parse("a = 1\na = 2\nb = { x = 1 }\nb = 3");

        Assert.Equal(2, root.GetInt("a"));
        Assert.Equal(3, root.GetInt("b"));
    }

    [Fact]
    public void Objects_merge_recursively_with_later_fields_winning()
    {
        var root = Hocon.Parse("""
            a { x = 1, y { p = 1, q = 1 } }
            a { y { q = 2 }, z = 3 }
            a.y.r = 4
            """);

        Assert.Equal(1, root.GetInt("a.x"));
        Assert.Equal(1, root.GetInt("a.y.p"));
        Assert.Equal(2, root.GetInt("a.y.q"));
        Assert.Equal(4, root.GetInt("a.y.r"));
        Assert.Equal(3, root.GetInt("a.z"));
    }

    [Fact]
    public void Object_after_scalar_replaces_it()
    {
        var root = Hocon.Parse("a = 1\na { b = 2 }");

        Assert.Equal(2, root.GetInt("a.b"));
    }

    [Fact]
    public void Lists_are_replaced_not_merged()
    {
        var root = Hocon.Parse("a = [1, 2, 3]\na = [4]");

        Assert.Equal(["4"], root.GetStringList("a"));
    }

    [Fact]
    public void Field_order_is_first_definition_order()
    {
        var root = Hocon.Parse("b = 1\na = 1\nb = 2\nc = 3");

        Assert.Equal(["b", "a", "c"], root.Keys);
    }

    [Fact]
    public void Layers_parse_as_one_document_later_layers_winning()
    {
        var root = HoconParser.ParseLayers(
            [
                ("a { x = 1, list = [1] }\nport = 80", "reference.conf"),
                ("a.y = ${port}\na.list += 2\nport = 8080", "app.conf"),
            ],
            Hocon.Options());

        Assert.Equal(1, root.GetInt("a.x"));
        Assert.Equal(8080, root.GetInt("a.y"));
        Assert.Equal(["1", "2"], root.GetStringList("a.list"));
        Assert.Equal("app.conf", root.GetValue("port")!.Position.FileName);
    }
}
