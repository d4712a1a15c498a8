using System.Collections.Frozen;

namespace Bilansoft.Application.Identity;

/// <summary>
/// The one place that decides which role has which permission. docs/permissions.md prints the same
/// table; a test keeps the two equal.
/// </summary>
public static class PermissionMatrix
{
    private static readonly FrozenDictionary<Role, FrozenSet<Permission>> PermissionsByRole = new Dictionary<Role, FrozenSet<Permission>>
    {
        [Role.Owner] = Enum.GetValues<Permission>().ToFrozenSet(),
        [Role.Administrator] = Enum.GetValues<Permission>()
            .Except([Permission.OrganisationClose, Permission.OwnershipManage])
            .ToFrozenSet(),
        [Role.Staff] = new[]
        {
            Permission.OrganisationRead,
            Permission.CatalogRead,
            Permission.CatalogWrite,
            Permission.SalesRead,
            Permission.SalesDraftWrite,
            Permission.SalesIssue,
            Permission.PurchasesRead,
            Permission.PurchasesWrite,
        }.ToFrozenSet(),
        [Role.ProjectMember] = new[]
        {
            Permission.OrganisationRead,
            Permission.CatalogRead,
            Permission.SalesRead,
            Permission.SalesDraftWrite,
        }.ToFrozenSet(),
        [Role.Accountant] = new[]
        {
            Permission.OrganisationRead,
            Permission.CatalogRead,
            Permission.SalesRead,
            Permission.PaymentsManage,
            Permission.BankingRead,
            Permission.RemindersSend,
            Permission.PurchasesRead,
            Permission.AccountingExport,
        }.ToFrozenSet(),
    }.ToFrozenDictionary();

    /// <summary>Whether <paramref name="role"/> has <paramref name="permission"/>.</summary>
    public static bool Allows(Role role, Permission permission) => PermissionsByRole[role].Contains(permission);

    /// <summary>The permissions of <paramref name="role"/>.</summary>
    public static IReadOnlySet<Permission> For(Role role) => PermissionsByRole[role];
}
