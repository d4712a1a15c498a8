namespace Bilansoft.Application.Identity;

/// <summary>
/// What a request needs to be allowed. Every route under <c>/api/orgs/{orgId}</c> names exactly one;
/// <see cref="PermissionMatrix"/> says which roles have it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Permission is the product's term; code access security is not used.")]
public enum Permission
{
    /// <summary>Read the organisation's profile and settings.</summary>
    OrganisationRead,

    /// <summary>Change the organisation's profile, logo and settings (numbering series, house style).</summary>
    OrganisationManage,

    /// <summary>Close the organisation.</summary>
    OrganisationClose,

    /// <summary>List members and invitations.</summary>
    MembersRead,

    /// <summary>Invite, change the role of and remove members other than owners.</summary>
    MembersManage,

    /// <summary>Grant or take the owner role and remove owners.</summary>
    OwnershipManage,

    /// <summary>Read the audit trail.</summary>
    AuditRead,

    /// <summary>Read customers, products and text snippets.</summary>
    CatalogRead,

    /// <summary>Create and change customers, products and text snippets.</summary>
    CatalogWrite,

    /// <summary>Read quotes, delivery notes, invoices and credit notes.</summary>
    SalesRead,

    /// <summary>Create, change and delete drafts.</summary>
    SalesDraftWrite,

    /// <summary>Issue, send, convert, credit and merge sales documents.</summary>
    SalesIssue,

    /// <summary>Register, match and undo payments; import bank statements.</summary>
    PaymentsManage,

    /// <summary>Read bank accounts, statements and payments.</summary>
    BankingRead,

    /// <summary>Add and change bank accounts.</summary>
    BankAccountsManage,

    /// <summary>Send payment reminders and hand files to debt collection.</summary>
    RemindersSend,

    /// <summary>Read purchase invoices and suppliers.</summary>
    PurchasesRead,

    /// <summary>Create, change and book purchase invoices and suppliers.</summary>
    PurchasesWrite,

    /// <summary>Pull VAT returns, listings, journals and exports.</summary>
    AccountingExport,
}
