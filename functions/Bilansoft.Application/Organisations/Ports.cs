using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Organisations;

/// <summary>
/// Organisation data: profile, members, invitations and audit trail. Each write and its audit
/// entry are stored together in one transaction; writes given an ETag fail with a precondition or
/// conflict problem when the stored version changed.
/// </summary>
public interface IOrganisationStore
{
    Task CreateAsync(Organisation organisation, Member owner, AuditEntry audit, CancellationToken cancellationToken);

    Task<Versioned<Organisation>?> GetAsync(string organisationId, CancellationToken cancellationToken);

    /// <exception cref="Errors.ProblemException">Precondition failed when <paramref name="etag"/> is not the stored version.</exception>
    Task<Versioned<Organisation>> SaveAsync(Organisation organisation, string etag, AuditEntry audit, CancellationToken cancellationToken);

    Task<Versioned<Member>?> GetMemberAsync(string organisationId, string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Versioned<Member>>> ListMembersAsync(string organisationId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one membership change atomically, failing with a conflict when any member row it
    /// relies on changed since it was read.
    /// </summary>
    Task ChangeMembersAsync(string organisationId, MemberChange change, AuditEntry audit, CancellationToken cancellationToken);

    Task AddInvitationAsync(string organisationId, Invitation invitation, AuditEntry audit, CancellationToken cancellationToken);

    Task<Versioned<Invitation>?> GetInvitationAsync(string organisationId, string invitationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Invitation>> ListInvitationsAsync(string organisationId, CancellationToken cancellationToken);

    Task SaveInvitationAsync(string organisationId, Invitation invitation, string etag, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the invitation accepted and adds the member in one transaction; fails with a conflict
    /// when the invitation changed (accepted twice) or the user is already a member.
    /// </summary>
    Task AcceptInvitationAsync(string organisationId, Invitation accepted, string invitationETag, Member member, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Reads the audit trail, newest first.</summary>
    Task<ListPage<AuditEntry>> ListAuditAsync(string organisationId, string? cursor, int pageSize, CancellationToken cancellationToken);
}

/// <summary>
/// One change of membership: add or replace a member, or remove one, while other member rows
/// (usually the remaining owners) must stay as read.
/// </summary>
/// <param name="Upsert">Member to write.</param>
/// <param name="UpsertETag">Version of the member row being replaced; null to add a new member.</param>
/// <param name="Remove">Member row to delete.</param>
/// <param name="Unchanged">Member rows that must still be at the version read.</param>
public sealed record MemberChange(Member? Upsert, string? UpsertETag, Versioned<Member>? Remove, IReadOnlyList<Versioned<Member>> Unchanged);

/// <summary>Users and the list of organisations each belongs to.</summary>
public interface IUserDirectory
{
    /// <summary>Returns the user, creating it from the caller's token claims on the first request.</summary>
    Task<UserProfile> EnsureAsync(Caller caller, CancellationToken cancellationToken);

    Task<UserProfile?> GetAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserMembership>> ListMembershipsAsync(string userId, CancellationToken cancellationToken);

    Task SetMembershipAsync(string userId, UserMembership membership, CancellationToken cancellationToken);

    Task RemoveMembershipAsync(string userId, string organisationId, CancellationToken cancellationToken);
}

/// <summary>Organisation logos (PNG or JPEG) in blob storage.</summary>
public interface ILogoStore
{
    Task SaveAsync(string organisationId, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<(byte[] Content, string ContentType)?> GetAsync(string organisationId, CancellationToken cancellationToken);

    Task DeleteAsync(string organisationId, CancellationToken cancellationToken);
}

/// <summary>Sends the invitation e-mail with the link that carries the single-use token.</summary>
public interface IInvitationMailer
{
    Task SendAsync(InvitationMail mail, CancellationToken cancellationToken);
}

/// <summary>The content of the invitation e-mail.</summary>
public sealed record InvitationMail(
    string OrganisationId,
    string InvitationId,
    string OrganisationName,
    string? InviterName,
    string Email,
    Role Role,
    Uri AcceptUrl,
    DateTimeOffset ExpiresAt,
    Domain.Language Language);
