namespace Bilansoft.Application.Organisations;

/// <summary>Problem codes of organisations, members and invitations.</summary>
public static class OrganisationErrorCodes
{
    public const string LastOwner = "last-owner";
    public const string OwnerRoleRequiresOwner = "owner-role-requires-owner";
    public const string AlreadyMember = "already-member";
    public const string ConcurrentChange = "concurrent-change";
    public const string InvitationInvalid = "invitation-invalid";
    public const string InvitationExpired = "invitation-expired";
    public const string InvitationUsed = "invitation-used";
    public const string InvitationRevoked = "invitation-revoked";
    public const string LogoInvalid = "logo-invalid";
    public const string OrganisationClosed = "organisation-closed";
}
