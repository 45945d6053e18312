namespace Lemegeton.Storage.Journal;

/// <summary>Which store a <see cref="FailoverJournal"/> is writing to.</summary>
public enum JournalTarget { Redis, File }
