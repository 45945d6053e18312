using Lemegeton.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hosting.Tests;

/// <summary>What a node is told to join is checked when it is added to the host, before anything starts.</summary>
public sealed class NodeOptionsTests
{
    [Fact]
    public void An_agent_without_a_seed_node_is_refused_with_the_key_to_set()
    {
        var akka = ClusterNode.LoadAkka(null, ["akka.cluster.seed-nodes=[]"]);

        var e = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLemegetonAkka(akka, NodeRole.Agent));

        Assert.Contains("akka.cluster.seed-nodes", e.Message);
    }

    [Fact]
    public void A_hub_without_a_seed_node_is_accepted_since_it_joins_itself()
    {
        var akka = ClusterNode.LoadAkka(null, ["akka.cluster.seed-nodes=[]"]);

        var services = new ServiceCollection().AddLemegetonAkka(akka, NodeRole.Hub);

        Assert.NotEmpty(services);
    }

    [Theory]
    [InlineData("[\"akka.tcp://other@127.0.0.1:4053\"]", "names the actor system 'other'")]
    [InlineData("[\"not an address\"]", "is not an Akka address")]
    public void A_bad_configured_seed_node_names_the_key(string seeds, string expected)
    {
        var akka = ClusterNode.LoadAkka(null, ["akka.cluster.seed-nodes=" + seeds]);

        var e = Assert.Throws<FormatException>(() => new ServiceCollection().AddLemegetonAkka(akka, NodeRole.Agent));

        Assert.StartsWith("akka.cluster.seed-nodes:", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Seed_nodes_given_in_code_override_the_configured_ones_and_are_checked_too()
    {
        var akka = ClusterNode.LoadAkka(null);

        var e = Assert.Throws<FormatException>(() => new ServiceCollection().AddLemegetonAkka(akka, NodeRole.Agent,
            new LemegetonAkkaOptions { SeedNodes = ["akka.tcp://lemegeton-old@127.0.0.1:4053"] }));

        Assert.Contains("seed nodes given to the node", e.Message);
    }

    [Theory]
    [InlineData(NodeRole.Hub, "hub")]
    [InlineData(NodeRole.Agent, "agent")]
    public void Roles_have_their_cluster_names(NodeRole role, string name) => Assert.Equal(name, NodeRoleNames.Of(role));
}
