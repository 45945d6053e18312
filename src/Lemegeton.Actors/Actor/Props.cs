namespace Lemegeton.Actors;

/// <summary>
/// An immutable recipe for an actor: how to construct it, its mailbox and the strategy it uses to
/// supervise its own children. Reusable: each <c>ActorOf</c> (and each restart) calls the factory again.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, MailboxOptions mailbox, SupervisorStrategy? strategy)
    {
        ActorType = actorType;
        _factory = factory;
        Mailbox = mailbox;
        SupervisorStrategy = strategy;
    }

    /// <summary>The type of actor produced.</summary>
    public Type ActorType { get; }

    /// <summary>The mailbox settings.</summary>
    public MailboxOptions Mailbox { get; }

    /// <summary>Strategy for this actor's children; null means the actor's own <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<T>() where T : ActorBase, new() => new(typeof(T), static () => new T(), MailboxOptions.Default, null);

    /// <summary>Props from a factory, e.g. <c>Props.Create(() => new Worker(id))</c>. The factory must return a new instance each call.</summary>
    public static Props Create<T>(Func<T> factory) where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(T), factory, MailboxOptions.Default, null);
    }

    /// <summary>A copy with other mailbox settings.</summary>
    public Props WithMailbox(MailboxOptions mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (mailbox.Capacity is < 1)
            throw new ArgumentException($"MailboxOptions.Capacity is {mailbox.Capacity}; use at least 1, or null for an unbounded mailbox", nameof(mailbox));
        if (mailbox.Throughput is < 1)
            throw new ArgumentException($"MailboxOptions.Throughput is {mailbox.Throughput}; use at least 1, or null for the system's", nameof(mailbox));
        return new(ActorType, _factory, mailbox, SupervisorStrategy);
    }

    /// <summary>A copy whose children are supervised by <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => new(ActorType, _factory, Mailbox, strategy);

    internal ActorBase NewActor() => _factory() ?? throw new InvalidOperationException($"The factory of {ActorType} returned null");

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name})";
}
