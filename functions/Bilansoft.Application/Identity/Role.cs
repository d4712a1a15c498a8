namespace Bilansoft.Application.Identity;

/// <summary>A member's role in one organisation. A user may have a different role in each organisation.</summary>
public enum Role
{
    /// <summary>Everything, including ownership and closing the organisation.</summary>
    Owner,

    /// <summary>Everything except ownership and closing the organisation.</summary>
    Administrator,

    /// <summary>Sales, purchases, customers and products; no settings, no members.</summary>
    Staff,

    /// <summary>Reads customers and products and creates drafts only.</summary>
    ProjectMember,

    /// <summary>Reads all accounting data, exports, registers payments and sends reminders; no settings, no members.</summary>
    Accountant,
}
