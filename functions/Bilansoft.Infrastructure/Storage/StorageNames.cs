namespace Bilansoft.Infrastructure.Storage;

/// <summary>Names of the tables and blob containers Bilansoft uses.</summary>
public static class StorageNames
{
    /// <summary>
    /// Organisation data: PartitionKey is the organisation id, RowKey is <c>{kind}|{id}</c>, so all
    /// rows one use case changes fit one entity-group transaction.
    /// </summary>
    public const string OrganisationTable = "orgdata";

    /// <summary>Users and their memberships, keyed by user id.</summary>
    public const string UserTable = "users";

    /// <summary>Stored responses of POST requests sent with an Idempotency-Key header.</summary>
    public const string IdempotencyTable = "idempotency";

    /// <summary>Receipts of verified webhook deliveries, to reject replays.</summary>
    public const string WebhookReceiptTable = "webhookreceipts";

    /// <summary>Receipts of handled queue messages, keyed by handler and message id.</summary>
    public const string MessageInboxTable = "messageinbox";

    /// <summary>Organisations that may have unpublished outbox rows, for the outbox sweep.</summary>
    public const string PendingOutboxTable = "outboxpending";

    /// <summary>Generated and uploaded documents: <c>documents/{orgId}/...</c>.</summary>
    public const string DocumentsContainer = "documents";

    /// <summary>Inbound files that blob-triggered functions read: <c>uploads/{orgId}/...</c>.</summary>
    public const string UploadsContainer = "uploads";

    /// <summary>E-mails written as .eml files when no SendGrid key is configured.</summary>
    public const string MailPickupContainer = "mail-pickup";
}
