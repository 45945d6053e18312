using Akka.Actor;
using Akka.DependencyInjection;
using Akka.Event;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Persistence.Local;

/// <summary>The logger a plugin's store gets: from the host's <see cref="ILoggerFactory"/> when Akka.Hosting registered one, else Akka's own log.</summary>
internal static class PluginLogging
{
    public static ILogger For(IActorContext context, string category)
    {
        if (context.System.Settings.Setup.Get<DependencyResolverSetup>().HasValue
            && DependencyResolver.For(context.System).Resolver.GetService<ILoggerFactory>() is { } factory)
        {
            return factory.CreateLogger(category);
        }
        return new AkkaLogger(context.GetLogger());
    }
}
