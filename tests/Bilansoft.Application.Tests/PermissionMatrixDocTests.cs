using Bilansoft.Application.Identity;
using Bilansoft.Testing;

namespace Bilansoft.Application.Tests;

public class PermissionMatrixDocTests
{
    [Fact]
    public void DocsTable_EqualsTheMatrix()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "permissions.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| permission", StringComparison.Ordinal))
            .ToList();
        Role[] columns = [Role.Owner, Role.Administrator, Role.Staff, Role.ProjectMember, Role.Accountant];

        var documented = lines.ToDictionary(
            line => Enum.Parse<Permission>(line.Split('|', StringSplitOptions.TrimEntries)[1]),
            line => line.Split('|', StringSplitOptions.TrimEntries)[2..7]);

        Assert.Equal(Enum.GetValues<Permission>().Order(), documented.Keys.Order());
        foreach (var (permission, cells) in documented)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var allowed = PermissionMatrix.Allows(columns[i], permission);
                Assert.True(cells[i] == (allowed ? "yes" : "no"), $"{permission} for {columns[i]}: docs say {cells[i]}, the matrix says {(allowed ? "yes" : "no")}.");
            }
        }
    }

    [Theory]
    [InlineData(Role.Administrator, Permission.OwnershipManage)]
    [InlineData(Role.Administrator, Permission.OrganisationClose)]
    [InlineData(Role.Staff, Permission.MembersRead)]
    [InlineData(Role.Staff, Permission.OrganisationManage)]
    [InlineData(Role.ProjectMember, Permission.SalesIssue)]
    [InlineData(Role.ProjectMember, Permission.CatalogWrite)]
    [InlineData(Role.Accountant, Permission.OrganisationManage)]
    [InlineData(Role.Accountant, Permission.MembersManage)]
    public void Matrix_DeniesWhatTheRoleMayNotDo(Role role, Permission permission)
    {
        Assert.False(PermissionMatrix.Allows(role, permission));
    }

    [Fact]
    public void Owner_HasEveryPermission()
    {
        Assert.All(Enum.GetValues<Permission>(), permission => Assert.True(PermissionMatrix.Allows(Role.Owner, permission)));
    }
}
