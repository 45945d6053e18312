namespace Lemegeton.Actors;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum MailboxOverflowPolicy
{
    /// <summary>The message goes to dead letters (logged and counted); the sender is not told.</summary>
    DropToDeadLetters,

    /// <summary><c>Tell</c> throws <see cref="MailboxFullException"/> so the sender can back off.</summary>
    Reject,
}

/// <summary>Mailbox settings of one actor.</summary>
public sealed record MailboxOptions
{
    /// <summary>The default: unbounded, the system's throughput.</summary>
    public static readonly MailboxOptions Default = new();

    /// <summary>Maximum number of queued user messages; null (the default) means unbounded.</summary>
    public int? Capacity { get; init; }

    /// <summary>What happens when a bounded mailbox is full. Default: <see cref="MailboxOverflowPolicy.DropToDeadLetters"/>.</summary>
    public MailboxOverflowPolicy OverflowPolicy { get; init; } = MailboxOverflowPolicy.DropToDeadLetters;

    /// <summary>
    /// Messages processed per scheduling of this actor before it yields its thread to other actors;
    /// null uses <see cref="ActorSystemSettings.Throughput"/>. Higher is faster, lower is fairer.
    /// </summary>
    public int? Throughput { get; init; }
}
