using Bilansoft.Application.Identity;

namespace Bilansoft.Application.Organisations;

/// <summary>A user's membership of an organisation.</summary>
public sealed record Member(string UserId, string? Name, string? Email, Role Role, DateTimeOffset JoinedAt);

/// <summary>A membership as listed for the user: the organisation and the role there.</summary>
public sealed record UserMembership(string OrganisationId, string OrganisationName, Role Role);

/// <summary>A user known to Bilansoft, created on the first request with a valid token.</summary>
public sealed record UserProfile(string UserId, string? Name, string? Email, DateTimeOffset CreatedAt);

/// <summary>An invitation to join an organisation, sent by e-mail.</summary>
/// <param name="Id">Invitation id.</param>
/// <param name="Email">Address the invitation was sent to.</param>
/// <param name="Role">Role the invitee gets on accepting.</param>
/// <param name="SecretHash">SHA-256 of the secret part of the token, hex; the token itself is never stored.</param>
/// <param name="InvitedBy">User id of the member who invited.</param>
/// <param name="CreatedAt">When the invitation was made.</param>
/// <param name="ExpiresAt">After this moment the token no longer works.</param>
/// <param name="Status">Pending until accepted or revoked; a token works once.</param>
/// <param name="AcceptedBy">User id of the user who accepted, once accepted.</param>
public sealed record Invitation(
    string Id,
    string Email,
    Role Role,
    string SecretHash,
    string InvitedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    InvitationStatus Status,
    string? AcceptedBy);

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
}

/// <summary>One entry of an organisation's audit trail: who did what, when.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="ActorUserId">User who did it; <c>system</c> for automatic steps.</param>
/// <param name="ActorName">The actor's display name at that time.</param>
/// <param name="Action">What happened, for example <c>member.role-changed</c>.</param>
/// <param name="TargetType">Kind of thing acted on, for example <c>member</c> or <c>invoice</c>.</param>
/// <param name="TargetId">Id of the thing acted on.</param>
/// <param name="Details">Named values that describe the change, such as the old and new role.</param>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string ActorUserId,
    string? ActorName,
    string Action,
    string TargetType,
    string TargetId,
    IReadOnlyDictionary<string, string?> Details);
