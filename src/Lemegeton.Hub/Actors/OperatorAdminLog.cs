using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Actors;

/// <summary>Log messages of the operator's admin API.</summary>
internal static partial class OperatorAdminLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Operator {By}: {Command} done: {Outcome}")]
    public static partial void Done(ILogger logger, string by, string command, string outcome);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Operator {By}: {Command} refused: {Outcome}")]
    public static partial void Refused(ILogger logger, string by, string command, string outcome);
}
