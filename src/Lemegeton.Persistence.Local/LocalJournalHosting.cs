using Akka.Configuration;
using Akka.Hosting;

namespace Lemegeton.Persistence.Local;

/// <summary>Wires the local and failover journal plugins into an Akka.Hosting actor system in one call.</summary>
public static class LocalJournalHosting
{
    /// <summary>
    /// Adds <c>akka.persistence.journal.lemegeton-local</c> writing to <paramref name="directory"/>,
    /// makes it the default journal (unless <paramref name="isDefault"/> is false) and Akka's built-in
    /// <c>akka.persistence.snapshot-store.local</c> (files in <paramref name="snapshotDirectory"/>,
    /// default <c>{directory}/snapshots</c>) the default snapshot store.
    /// </summary>
    public static AkkaConfigurationBuilder WithLocalJournal(this AkkaConfigurationBuilder builder, string directory, LocalJournalOptions? options = null, string? snapshotDirectory = null, bool isDefault = true)
    {
        var hocon = $$"""
            {{LocalJournalConfig.LocalJournalPath}} {
            {{LocalJournalConfig.LocalSection(directory, options ?? new LocalJournalOptions())}}
            }
            {{Defaults(LocalJournalConfig.LocalJournalPath, directory, snapshotDirectory, isDefault)}}
            """;
        return builder.AddHocon(ConfigurationFactory.ParseString(hocon).WithFallback(LocalJournalConfig.Default), HoconAddMode.Prepend);
    }

    /// <summary>
    /// Adds <c>akka.persistence.journal.lemegeton-failover</c>: <typeparamref name="TPrimaryFactory"/>
    /// creates the primary store from <paramref name="primaryHocon"/> (the body of the <c>primary</c>
    /// section, e.g. the Redis connection), the local store writes to <paramref name="localDirectory"/>.
    /// Makes it the default journal, with the built-in local snapshot store, unless <paramref name="isDefault"/> is false.
    /// </summary>
    public static AkkaConfigurationBuilder WithFailoverJournal<TPrimaryFactory>(
        this AkkaConfigurationBuilder builder,
        string localDirectory,
        string primaryHocon = "",
        LocalJournalOptions? local = null,
        FailoverJournalOptions? failover = null,
        string? snapshotDirectory = null,
        bool isDefault = true)
        where TPrimaryFactory : IJournalStoreFactory, new()
    {
        var f = failover ?? new FailoverJournalOptions();
        var hocon = $$"""
            {{LocalJournalConfig.FailoverJournalPath}} {
              primary {
                factory = {{LocalJournalConfig.Quote(typeof(TPrimaryFactory).AssemblyQualifiedName!)}}
            {{primaryHocon}}
              }
              local {
            {{LocalJournalConfig.LocalSection(localDirectory, local ?? new LocalJournalOptions())}}
              }
              write-timeout = {{(long)f.WriteTimeout.TotalMilliseconds}}ms
              read-timeout = {{(long)f.ReadTimeout.TotalMilliseconds}}ms
              catch-up-interval = {{(long)f.CatchUpInterval.TotalMilliseconds}}ms
              catch-up-batch = {{f.CatchUpBatch}}
            }
            {{Defaults(LocalJournalConfig.FailoverJournalPath, localDirectory, snapshotDirectory, isDefault)}}
            """;
        return builder.AddHocon(ConfigurationFactory.ParseString(hocon).WithFallback(LocalJournalConfig.Default), HoconAddMode.Prepend);
    }

    private static string Defaults(string journalPath, string directory, string? snapshotDirectory, bool isDefault) =>
        isDefault
            ? $$"""
              akka.persistence.journal.plugin = "{{journalPath}}"
              akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.local"
              akka.persistence.snapshot-store.local.dir = {{LocalJournalConfig.Quote(snapshotDirectory ?? Path.Combine(directory, "snapshots"))}}
              """
            : string.Empty;
}
