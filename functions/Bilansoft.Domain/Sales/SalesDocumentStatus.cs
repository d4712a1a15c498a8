namespace Bilansoft.Domain.Sales;

/// <summary>
/// Where a sales document is in its life. Which states a kind uses and how it moves between them is
/// defined by <see cref="SalesDocumentLifecycle"/>. Only a draft can be changed. "Overdue" is not a
/// state: <see cref="SalesDocument.IsOverdue"/> derives it from the due date.
/// </summary>
public enum SalesDocumentStatus
{
    /// <summary>Being written; the only state in which content may change.</summary>
    Draft = 0,

    /// <summary>A quote sent to the customer.</summary>
    Sent,

    /// <summary>A quote the customer accepted.</summary>
    Accepted,

    /// <summary>A quote the customer declined.</summary>
    Declined,

    /// <summary>A quote whose validity ended before the customer decided.</summary>
    Expired,

    /// <summary>An invoice, delivery note or credit note with a number, final and nothing yet paid on it.</summary>
    Issued,

    /// <summary>An issued invoice of which part, but not all, is paid or credited, with something paid.</summary>
    PartiallyPaid,

    /// <summary>An issued invoice with nothing left to pay, by payments or by payments and credit notes.</summary>
    Paid,

    /// <summary>An issued invoice cancelled in full by credit notes.</summary>
    Credited,
}
