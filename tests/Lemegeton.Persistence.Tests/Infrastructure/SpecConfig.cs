using Akka.Configuration;

namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>Configuration every persistence spec shares: the refusing serializer and plugin-command publishing.</summary>
public static class SpecConfig
{
    public static Config Common { get; } = ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.persistence.publish-plugin-commands = on
        akka.actor {
          serializers.refusing = "{{typeof(RefusingSerializer).AssemblyQualifiedName}}"
          serialization-bindings {
            "{{typeof(UnserializableEvent).AssemblyQualifiedName}}" = refusing
          }
        }
        """);

    /// <summary>Makes the given plugins (each optional) Akka's defaults over <paramref name="pluginConfig"/>.</summary>
    public static Config With(Config pluginConfig, string? journalPluginId, string? snapshotPluginId = null)
    {
        var plugins = (journalPluginId is null ? string.Empty : $"akka.persistence.journal.plugin = \"{journalPluginId}\"\n")
            + (snapshotPluginId is null ? string.Empty : $"akka.persistence.snapshot-store.plugin = \"{snapshotPluginId}\"\n");
        return ConfigurationFactory.ParseString(plugins).WithFallback(pluginConfig).WithFallback(Common);
    }
}
