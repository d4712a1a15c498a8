namespace Bilansoft.Domain.Sales;

/// <summary>The actions that move a sales document between states.</summary>
public enum SalesDocumentAction
{
    /// <summary>Send a draft quote to the customer.</summary>
    Send = 0,

    /// <summary>Record that the customer accepted a sent quote.</summary>
    Accept,

    /// <summary>Record that the customer declined a sent quote.</summary>
    Decline,

    /// <summary>Record that a sent quote expired before the customer decided.</summary>
    Expire,

    /// <summary>Give a draft invoice, delivery note or credit note its number and make it final.</summary>
    Issue,

    /// <summary>Record a payment on an issued invoice.</summary>
    RecordPayment,

    /// <summary>Remove a payment recorded on an issued invoice.</summary>
    UndoPayment,

    /// <summary>Count an issued credit note against an issued invoice.</summary>
    Credit,
}
