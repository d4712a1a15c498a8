namespace Bilansoft.Application.Messaging;

/// <summary>
/// Receipts of handled messages, so a message delivered twice (a retry after a crash, or the same
/// id published twice) is handled once per handler. A handler first claims the message; the claim
/// keeps a concurrent second delivery out until it completes, is released or expires.
/// </summary>
public interface IMessageInbox
{
    /// <summary>
    /// Claims message <paramref name="messageId"/> for <paramref name="handlerName"/> for at most
    /// <paramref name="lease"/>. An expired claim of a crashed handler can be taken over.
    /// </summary>
    Task<InboxClaim> TryClaimAsync(string handlerName, string messageId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records that the claimed message was handled; later deliveries are skipped.</summary>
    Task CompleteAsync(string handlerName, string messageId, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after a failure, so the retry can claim the message at once.</summary>
    Task ReleaseAsync(string handlerName, string messageId, CancellationToken cancellationToken);
}

/// <summary>Outcome of <see cref="IMessageInbox.TryClaimAsync"/>.</summary>
public enum InboxClaim
{
    /// <summary>The caller holds the claim and must handle the message.</summary>
    Acquired,

    /// <summary>The message was handled before; the caller skips it.</summary>
    AlreadyHandled,

    /// <summary>Another delivery holds an unexpired claim; the caller retries later.</summary>
    HeldByOther,
}
