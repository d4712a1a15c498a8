using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>An invoice issued by a previous tool and still (partly) unpaid, as an importer hands it over.</summary>
public sealed record ImportedInvoiceInput
{
    /// <summary>The invoice number the previous tool gave; it lies outside Bilansoft's series.</summary>
    public string? Number { get; init; }

    /// <summary>The customer record the importer matched, if any.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Buyer name as the previous tool printed it; required without <see cref="CustomerId"/>.</summary>
    public string? CustomerName { get; init; }

    public DateOnly? IssueDate { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>What the customer still owes in euro, above zero, at most 2 decimals.</summary>
    public decimal? AmountOpen { get; init; }

    /// <summary>The structured communication printed on the invoice, in any common notation.</summary>
    public string? StructuredCommunication { get; init; }
}

/// <summary>The outcome of an import: the invoice, and whether this call created it or found it imported before.</summary>
public sealed record ImportedInvoiceResult(Versioned<SalesDocumentRecord> Invoice, bool Created);

/// <summary>
/// Imports open invoices of a previous tool, so payments for them can be matched and recorded in
/// Bilansoft. An imported invoice is issued, marked <see cref="SalesDocumentRecord.Imported"/>,
/// counts as open, and has one zero-rated line for the open amount.
/// </summary>
public sealed class ImportedInvoiceService
{
    private const int MaxNumberLength = 50;

    private readonly SalesDocuments _documents;
    private readonly CustomerService _customers;

    public ImportedInvoiceService(SalesDocuments documents, CustomerService customers)
    {
        _documents = documents;
        _customers = customers;
    }

    /// <summary>
    /// Imports one invoice. Importing a number already imported returns that invoice unchanged, so a
    /// file imported twice creates nothing new.
    /// </summary>
    /// <exception cref="ProblemException">Invalid input, with every violation.</exception>
    public async Task<ImportedInvoiceResult> ImportAsync(OrganisationAccess access, ImportedInvoiceInput input, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(input.Number) && await FindAsync(access.OrganisationId, input.Number.Trim(), cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var (number, content, communication) = await ValidateAsync(access.OrganisationId, input, cancellationToken);

        return await _documents.Transactions.RunAsync("invoice.import", number, async () =>
        {
            // A concurrent import of the same number may have won the race since the check above.
            if (await FindAsync(access.OrganisationId, number, cancellationToken) is { } existing)
            {
                return existing;
            }

            var year = content.IssueDate.Year;
            var documentNumber = new DocumentNumber(0, year, 0, number);
            var invoice = SalesDocument.Restore(SalesDocumentId.New(), SalesDocumentKind.Invoice, SalesDocumentStatus.Issued, content, documentNumber, communication, [], [], []);

            var record = _documents.NewRecord(invoice, null) with { Imported = true, IssuedAt = _documents.Now };
            var commit = new SalesCommit
            {
                Writes = [new DocumentWrite(record, null)],
                ImportedNumber = new ImportedNumberClaim(number, invoice.Id),
                Audit = [_documents.Audit(access, "imported", invoice, new Dictionary<string, string?> { ["number"] = number, ["amountOpen"] = CatalogRules.Invariant(input.AmountOpen!.Value) })],
            };
            return new ImportedInvoiceResult(await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken), Created: true);
        }, cancellationToken);
    }

    private async Task<ImportedInvoiceResult?> FindAsync(string organisationId, string number, CancellationToken cancellationToken)
    {
        if (await _documents.Store.FindImportedAsync(organisationId, number, cancellationToken) is not { } id)
        {
            return null;
        }

        var found = await _documents.Store.GetAsync(organisationId, id, cancellationToken)
            ?? throw new InvalidOperationException($"Imported invoice {number} is claimed by document {id}, which does not exist.");
        return new ImportedInvoiceResult(found, Created: false);
    }

    private async Task<(string Number, SalesDocumentContent Content, StructuredCommunication? Communication)> ValidateAsync(
        string organisationId, ImportedInvoiceInput input, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var number = rules.Required(input.Number, "number", MaxNumberLength);

        Customer? customer = null;
        if (!string.IsNullOrWhiteSpace(input.CustomerId))
        {
            customer = await _customers.FindUsableAsync(organisationId, input.CustomerId.Trim(), cancellationToken);
            if (customer is null)
            {
                rules.Add(SalesErrorCodes.CustomerUnknown, "customerId", new Dictionary<string, object?> { ["id"] = input.CustomerId });
            }
        }

        // An unknown customer id is reported on its own; the name is then not asked for as well.
        var name = customer?.Name ?? (string.IsNullOrWhiteSpace(input.CustomerId)
            ? rules.Required(input.CustomerName, "customerName", 200)
            : input.CustomerName?.Trim() ?? string.Empty);
        if (input.IssueDate is null)
        {
            rules.Add("required", "issueDate");
        }

        if (input.DueDate is { } due && input.IssueDate is { } issued && due < issued)
        {
            rules.Add(SalesRuleCodes.DueDateBeforeIssueDate, "dueDate", new Dictionary<string, object?> { ["issueDate"] = issued, ["dueDate"] = due });
        }

        CheckAmount(rules, input.AmountOpen);
        var communication = await CommunicationAsync(rules, organisationId, input.StructuredCommunication, cancellationToken);
        rules.ThrowIfInvalid();

        var snapshot = customer?.ToSnapshot() ?? new CustomerSnapshot
        {
            CustomerId = string.Empty,
            Name = name,
            Address = new PostalAddress(string.Empty, string.Empty, string.Empty, string.Empty),
        };
        var content = new SalesDocumentContent
        {
            Customer = snapshot,
            IssueDate = input.IssueDate!.Value,
            FixedDueDate = input.DueDate,
            Lines =
            [
                // NOTE: The real lines and VAT stay in the previous tool. This line only carries
                // the open amount, so VAT reports must leave imported invoices out.
                new SalesLine
                {
                    Description = $"Openstaand saldo van factuur {number}",
                    Quantity = 1m,
                    UnitPrice = input.AmountOpen!.Value,
                    VatCategory = VatCategory.ZeroRated,
                    VatRate = 0m,
                },
            ],
        };
        return (number, content, communication);
    }

    private static void CheckAmount(InputRules rules, decimal? amount)
    {
        if (amount is null)
        {
            rules.Add("required", "amountOpen");
        }
        else if (amount <= 0m)
        {
            rules.Add(SalesRuleCodes.PaymentAmountNotPositive, "amountOpen", new Dictionary<string, object?> { ["value"] = amount });
        }
        else if (!AmountRounding.HasAtMostDecimals(amount.Value, AmountRounding.AmountDecimals))
        {
            rules.Add(SalesRuleCodes.PaymentAmountTooPrecise, "amountOpen", new Dictionary<string, object?> { ["value"] = amount, ["maximum"] = AmountRounding.AmountDecimals });
        }
    }

    // A communication quoted by two open items could not tell the payment matcher which one is paid.
    // NOTE: Only documents stored now are checked; a later Bilansoft invoice can still be given the
    // same communication when the previous tool used Bilansoft's scheme.
    private async Task<StructuredCommunication?> CommunicationAsync(InputRules rules, string organisationId, string? value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Domain.Identifiers.StructuredCommunication.TryParse(value, out var communication, out var error))
        {
            rules.Add("invalid-structured-communication", "structuredCommunication", new Dictionary<string, object?> { ["value"] = value, ["reason"] = error });
            return null;
        }

        if (await _documents.Store.FindByStructuredCommunicationAsync(organisationId, communication, cancellationToken) is not null)
        {
            rules.Add(SalesErrorCodes.StructuredCommunicationInUse, "structuredCommunication", new Dictionary<string, object?> { ["value"] = communication.ToString() });
        }

        return communication;
    }
}
