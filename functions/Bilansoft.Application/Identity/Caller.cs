namespace Bilansoft.Application.Identity;

/// <summary>
/// The signed-in user making a request, from a validated access token.
/// </summary>
/// <param name="UserId">Stable user id: the token's object id (<c>oid</c>) when present, else its subject (<c>sub</c>).</param>
/// <param name="Name">Display name from the token, if any.</param>
/// <param name="Email">E-mail address from the token, if any.</param>
public sealed record Caller(string UserId, string? Name, string? Email);

/// <summary>
/// A caller acting inside one organisation with the role they have there; checked before any work.
/// </summary>
public sealed record OrganisationAccess(Caller Caller, string OrganisationId, Role Role)
{
    public bool Allows(Permission permission) => PermissionMatrix.Allows(Role, permission);
}
