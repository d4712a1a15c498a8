using System.Security.Cryptography;
using System.Text;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;
using Microsoft.Extensions.Options;

namespace Bilansoft.Application.Organisations;

/// <summary>
/// Invites, lists, changes and removes members. An organisation always keeps at least one owner,
/// and only owners grant or take the owner role.
/// </summary>
public sealed class MembershipService
{
    private readonly IOrganisationStore _store;
    private readonly IUserDirectory _users;
    private readonly IInvitationMailer _mailer;
    private readonly TimeProvider _clock;
    private readonly InvitationOptions _options;

    public MembershipService(IOrganisationStore store, IUserDirectory users, IInvitationMailer mailer, TimeProvider clock, IOptions<InvitationOptions> options)
    {
        _store = store;
        _users = users;
        _mailer = mailer;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>
    /// Invites <paramref name="email"/> with <paramref name="role"/> and e-mails a link with a
    /// single-use token. Returns the invitation (the token is only in the e-mail).
    /// </summary>
    public async Task<Invitation> InviteAsync(OrganisationAccess access, string? email, Role? role, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var address = rules.Email(email, "email");
        if (string.IsNullOrWhiteSpace(email))
        {
            rules.Add("required", "email");
        }

        if (role is null)
        {
            rules.Add("required", "role");
        }

        rules.ThrowIfInvalid();
        RequireOwnershipFor(access, role!.Value);

        var organisation = await _store.GetAsync(access.OrganisationId, cancellationToken)
            ?? throw ProblemException.NotFound("organisation", access.OrganisationId);
        var now = _clock.GetUtcNow();
        var secret = RandomNumberGenerator.GetBytes(32);
        var invitation = new Invitation(
            Guid.CreateVersion7(now).ToString("N"),
            address!,
            role.Value,
            Hash(secret),
            access.Caller.UserId,
            now,
            now + _options.Lifetime,
            InvitationStatus.Pending,
            null);
        var token = InvitationToken.Format(access.OrganisationId, invitation.Id, secret);

        var audit = Audit.Entry(access.Caller, now, "member.invited", "invitation", invitation.Id,
            new Dictionary<string, string?> { ["email"] = invitation.Email, ["role"] = invitation.Role.ToString() });
        await _store.AddInvitationAsync(access.OrganisationId, invitation, audit, cancellationToken);
        await _mailer.SendAsync(
            new InvitationMail(
                access.OrganisationId,
                invitation.Id,
                organisation.Value.Profile.Name,
                access.Caller.Name,
                invitation.Email,
                invitation.Role,
                AcceptUrl(token),
                invitation.ExpiresAt,
                organisation.Value.Profile.Language),
            cancellationToken);
        return invitation;
    }

    public Task<IReadOnlyList<Invitation>> ListInvitationsAsync(OrganisationAccess access, CancellationToken cancellationToken) =>
        _store.ListInvitationsAsync(access.OrganisationId, cancellationToken);

    public async Task RevokeInvitationAsync(OrganisationAccess access, string invitationId, CancellationToken cancellationToken)
    {
        var invitation = await _store.GetInvitationAsync(access.OrganisationId, invitationId, cancellationToken)
            ?? throw ProblemException.NotFound("invitation", invitationId);
        if (invitation.Value.Status != InvitationStatus.Pending)
        {
            throw ProblemException.Conflict(
                invitation.Value.Status == InvitationStatus.Accepted ? OrganisationErrorCodes.InvitationUsed : OrganisationErrorCodes.InvitationRevoked);
        }

        RequireOwnershipFor(access, invitation.Value.Role);
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "invitation.revoked", "invitation", invitationId);
        await _store.SaveInvitationAsync(access.OrganisationId, invitation.Value with { Status = InvitationStatus.Revoked }, invitation.ETag, audit, cancellationToken);
    }

    /// <summary>
    /// Accepts an invitation with the token from its e-mail; the token works once and only until
    /// it expires.
    /// </summary>
    public async Task<UserMembership> AcceptAsync(Caller caller, string? token, CancellationToken cancellationToken)
    {
        if (!InvitationToken.TryParse(token, out var organisationId, out var invitationId, out var secret))
        {
            throw ProblemException.Invalid(OrganisationErrorCodes.InvitationInvalid, "token");
        }

        var organisation = await _store.GetAsync(organisationId, cancellationToken);
        var invitation = await _store.GetInvitationAsync(organisationId, invitationId, cancellationToken);
        if (organisation is null || invitation is null || !HashMatches(secret, invitation.Value.SecretHash))
        {
            throw ProblemException.Invalid(OrganisationErrorCodes.InvitationInvalid, "token");
        }

        if (organisation.Value.Status == OrganisationStatus.Closed)
        {
            throw ProblemException.Conflict(OrganisationErrorCodes.OrganisationClosed);
        }

        switch (invitation.Value.Status)
        {
            case InvitationStatus.Accepted:
                throw ProblemException.Conflict(OrganisationErrorCodes.InvitationUsed);
            case InvitationStatus.Revoked:
                throw ProblemException.Conflict(OrganisationErrorCodes.InvitationRevoked);
        }

        var now = _clock.GetUtcNow();
        if (now >= invitation.Value.ExpiresAt)
        {
            throw ProblemException.Conflict(OrganisationErrorCodes.InvitationExpired, new Dictionary<string, object?> { ["expiresAt"] = invitation.Value.ExpiresAt });
        }

        var member = new Member(caller.UserId, caller.Name, caller.Email, invitation.Value.Role, now);
        var accepted = invitation.Value with { Status = InvitationStatus.Accepted, AcceptedBy = caller.UserId };
        var audit = Audit.Entry(caller, now, "member.joined", "member", caller.UserId,
            new Dictionary<string, string?> { ["role"] = member.Role.ToString(), ["invitationId"] = invitationId });
        await _store.AcceptInvitationAsync(organisationId, accepted, invitation.ETag, member, audit, cancellationToken);

        var membership = new UserMembership(organisationId, organisation.Value.Profile.Name, member.Role);
        await _users.SetMembershipAsync(caller.UserId, membership, cancellationToken);
        return membership;
    }

    /// <summary>Reads the audit trail, newest first.</summary>
    public Task<ListPage<AuditEntry>> ListAuditAsync(OrganisationAccess access, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        _store.ListAuditAsync(access.OrganisationId, cursor, pageSize, cancellationToken);

    public async Task<IReadOnlyList<Versioned<Member>>> ListMembersAsync(OrganisationAccess access, CancellationToken cancellationToken) =>
        await _store.ListMembersAsync(access.OrganisationId, cancellationToken);

    /// <summary>Changes a member's role; <paramref name="ifMatch"/>, when given, must be the member's current ETag.</summary>
    public async Task<Versioned<Member>> ChangeRoleAsync(OrganisationAccess access, string userId, Role? role, string? ifMatch, CancellationToken cancellationToken)
    {
        if (role is null)
        {
            throw ProblemException.Invalid("required", "role");
        }

        var members = await _store.ListMembersAsync(access.OrganisationId, cancellationToken);
        var target = members.FirstOrDefault(m => m.Value.UserId == userId) ?? throw ProblemException.NotFound("member", userId);
        if (ifMatch is not null && ifMatch != target.ETag)
        {
            throw ProblemException.PreconditionFailed("member", userId);
        }

        if (target.Value.Role == role)
        {
            return target;
        }

        RequireOwnershipFor(access, target.Value.Role);
        RequireOwnershipFor(access, role.Value);
        var otherOwners = OtherOwners(members, userId);
        if (target.Value.Role == Role.Owner && otherOwners.Count == 0)
        {
            throw ProblemException.Conflict(OrganisationErrorCodes.LastOwner);
        }

        var updated = target.Value with { Role = role.Value };
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "member.role-changed", "member", userId,
            new Dictionary<string, string?> { ["from"] = target.Value.Role.ToString(), ["to"] = role.Value.ToString() });
        await _store.ChangeMembersAsync(access.OrganisationId, new MemberChange(updated, target.ETag, null, otherOwners), audit, cancellationToken);
        await UpdateUserIndexAsync(access.OrganisationId, updated, cancellationToken);

        return await _store.GetMemberAsync(access.OrganisationId, userId, cancellationToken)
            ?? throw ProblemException.NotFound("member", userId);
    }

    /// <summary>Removes a member; the last owner cannot be removed.</summary>
    public Task RemoveAsync(OrganisationAccess access, string userId, CancellationToken cancellationToken) =>
        RemoveMemberAsync(access, userId, "member.removed", cancellationToken);

    /// <summary>Removes the caller from the organisation; the last owner cannot leave.</summary>
    public Task LeaveAsync(OrganisationAccess access, CancellationToken cancellationToken) =>
        RemoveMemberAsync(access, access.Caller.UserId, "member.left", cancellationToken);

    private async Task RemoveMemberAsync(OrganisationAccess access, string userId, string action, CancellationToken cancellationToken)
    {
        var members = await _store.ListMembersAsync(access.OrganisationId, cancellationToken);
        var target = members.FirstOrDefault(m => m.Value.UserId == userId) ?? throw ProblemException.NotFound("member", userId);
        if (userId != access.Caller.UserId)
        {
            RequireOwnershipFor(access, target.Value.Role);
        }

        var otherOwners = OtherOwners(members, userId);
        if (target.Value.Role == Role.Owner && otherOwners.Count == 0)
        {
            throw ProblemException.Conflict(OrganisationErrorCodes.LastOwner);
        }

        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), action, "member", userId,
            new Dictionary<string, string?> { ["role"] = target.Value.Role.ToString() });
        await _store.ChangeMembersAsync(access.OrganisationId, new MemberChange(null, null, target, otherOwners), audit, cancellationToken);
        await _users.RemoveMembershipAsync(userId, access.OrganisationId, cancellationToken);
    }

    private async Task UpdateUserIndexAsync(string organisationId, Member member, CancellationToken cancellationToken)
    {
        var organisation = await _store.GetAsync(organisationId, cancellationToken);
        if (organisation is not null)
        {
            await _users.SetMembershipAsync(member.UserId, new UserMembership(organisationId, organisation.Value.Profile.Name, member.Role), cancellationToken);
        }
    }

    private static List<Versioned<Member>> OtherOwners(IReadOnlyList<Versioned<Member>> members, string userId) =>
        members.Where(m => m.Value.Role == Role.Owner && m.Value.UserId != userId).ToList();

    // Granting, taking or acting on the owner role needs the owner's permission, not only members management.
    private static void RequireOwnershipFor(OrganisationAccess access, Role role)
    {
        if (role == Role.Owner && !access.Allows(Permission.OwnershipManage))
        {
            throw new ProblemException(ProblemKind.Forbidden, OrganisationErrorCodes.OwnerRoleRequiresOwner);
        }
    }

    private Uri AcceptUrl(string token)
    {
        var builder = new UriBuilder(_options.AcceptPageUrl) { Query = "token=" + Uri.EscapeDataString(token) };
        return builder.Uri;
    }

    private static string Hash(ReadOnlySpan<byte> secret) => Convert.ToHexStringLower(SHA256.HashData(secret));

    private static bool HashMatches(ReadOnlySpan<byte> secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}

/// <summary>
/// Invitation tokens: <c>{organisationId}.{invitationId}.{secret}</c>, the secret being 32 random
/// bytes in base64url. The ids let Bilansoft find the invitation; only the secret's hash is stored.
/// </summary>
public static class InvitationToken
{
    public static string Format(string organisationId, string invitationId, ReadOnlySpan<byte> secret) =>
        $"{organisationId}.{invitationId}.{Base64Url.Encode(secret)}";

    public static bool TryParse(string? token, out string organisationId, out string invitationId, out byte[] secret)
    {
        organisationId = invitationId = string.Empty;
        secret = [];
        var parts = token?.Trim().Split('.');
        if (parts is not { Length: 3 } || !Identifiers.IsValid(parts[0]) || !Identifiers.IsValid(parts[1]))
        {
            return false;
        }

        try
        {
            secret = Base64Url.Decode(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        organisationId = parts[0];
        invitationId = parts[1];
        return secret.Length == 32;
    }
}
