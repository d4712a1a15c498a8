using Bilansoft.Application.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Functions.Platform.Middleware;

/// <summary>
/// Makes every Service Bus step handle a message id once. Before the function runs it claims the
/// message id in the inbox; a message already handled is acknowledged without running the function
/// again, and a message another delivery is working on is retried later. A failure releases the
/// claim, so the retry can start at once.
/// </summary>
public sealed partial class MessageInboxMiddleware : IFunctionsWorkerMiddleware
{
    // Longer than any step should take; a crashed handler's claim expires after it.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private readonly IMessageInbox _inbox;
    private readonly ILogger<MessageInboxMiddleware> _logger;

    public MessageInboxMiddleware(IMessageInbox inbox, ILogger<MessageInboxMiddleware> logger)
    {
        _inbox = inbox;
        _logger = logger;
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var messageId = context.BindingValue("MessageId");
        if (!context.IsTrigger(FunctionContextExtensions.ServiceBusTrigger) || string.IsNullOrEmpty(messageId))
        {
            await next(context);
            return;
        }

        var handler = context.FunctionDefinition.Name;
        var claim = await _inbox.TryClaimAsync(handler, messageId, ClaimLease, context.CancellationToken);
        switch (claim)
        {
            case InboxClaim.AlreadyHandled:
                LogDuplicate(_logger, messageId, handler);
                return;
            case InboxClaim.HeldByOther:
                throw new MessageInProgressException(handler, messageId);
        }

        try
        {
            await next(context);
        }
        catch
        {
            await _inbox.ReleaseAsync(handler, messageId, CancellationToken.None);
            throw;
        }

        await _inbox.CompleteAsync(handler, messageId, CancellationToken.None);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Message {MessageId} was already handled by {FunctionName}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string functionName);
}

/// <summary>
/// Another delivery of the same message is being handled; this delivery fails so the trigger
/// retries it after that one has finished.
/// </summary>
public sealed class MessageInProgressException : Exception
{
    public MessageInProgressException(string handler, string messageId)
        : base($"Message {messageId} is being handled by another delivery of {handler}; retry later.")
    {
    }

    public MessageInProgressException()
    {
    }

    public MessageInProgressException(string message)
        : base(message)
    {
    }

    public MessageInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
