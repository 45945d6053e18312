using Akka.Configuration;

namespace Lemegeton.Persistence.Local;

/// <summary>
/// The journal plugin <c>akka.persistence.journal.lemegeton-failover</c>: a
/// <see cref="FailoverJournalStore"/> over the primary store made by the
/// <see cref="IJournalStoreFactory"/> named in <c>primary.factory</c> (the Redis store in
/// production) and a local store configured by <c>local</c>.
/// </summary>
public sealed class FailoverJournal(Config config) : StoreBackedJournal
{
    protected override IJournalStore CreateStore()
    {
        var primaryConfig = config.GetConfig("primary") ?? throw new ConfigurationException("lemegeton-failover: the primary section is missing.");
        var factoryName = primaryConfig.GetString("factory", string.Empty);
        if (string.IsNullOrWhiteSpace(factoryName))
            throw new ConfigurationException("lemegeton-failover: primary.factory must name an IJournalStoreFactory type (\"Namespace.Type, Assembly\").");
        var factoryType = Type.GetType(factoryName, throwOnError: false)
            ?? throw new ConfigurationException($"lemegeton-failover: primary.factory type \"{factoryName}\" was not found.");
        if (Activator.CreateInstance(factoryType) is not IJournalStoreFactory factory)
            throw new ConfigurationException($"lemegeton-failover: primary.factory type \"{factoryName}\" does not implement {nameof(IJournalStoreFactory)}.");

        var (directory, options) = LocalJournalConfig.ReadLocal(config.GetConfig("local") ?? Config.Empty);
        var logger = PluginLogging.For(Context, typeof(FailoverJournalStore).FullName!);
        var local = FileJournalStore.Open(directory, options, TimeProvider.System, logger);
        IJournalStore primary;
        try
        {
            primary = factory.Create(Context.System, primaryConfig);
        }
        catch
        {
            local.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        return new FailoverJournalStore(primary, local, LocalJournalConfig.ReadFailover(config), TimeProvider.System, logger);
    }
}
