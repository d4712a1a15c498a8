using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Organisations;

/// <summary>Creates, reads, changes and closes organisations and their logos.</summary>
public sealed class OrganisationService
{
    /// <summary>Largest logo accepted (1 MiB); a logo is printed at a few centimetres.</summary>
    public const int MaxLogoBytes = 1024 * 1024;

    private readonly IOrganisationStore _store;
    private readonly IUserDirectory _users;
    private readonly ILogoStore _logos;
    private readonly TimeProvider _clock;

    public OrganisationService(IOrganisationStore store, IUserDirectory users, ILogoStore logos, TimeProvider clock)
    {
        _store = store;
        _users = users;
        _logos = logos;
        _clock = clock;
    }

    /// <summary>Creates an organisation with the caller as its owner.</summary>
    public async Task<Versioned<Organisation>> CreateAsync(Caller caller, OrganisationProfileInput input, CancellationToken cancellationToken)
    {
        var profile = OrganisationProfileValidator.Validate(input);
        var now = _clock.GetUtcNow();
        var organisation = new Organisation(Guid.CreateVersion7(now).ToString("N"), profile, OrganisationStatus.Active, now, null);
        var owner = new Member(caller.UserId, caller.Name, caller.Email, Role.Owner, now);

        await _store.CreateAsync(organisation, owner, Audit.Entry(caller, now, "organisation.created", "organisation", organisation.Id), cancellationToken);
        await _users.SetMembershipAsync(caller.UserId, new UserMembership(organisation.Id, profile.Name, Role.Owner), cancellationToken);

        return await _store.GetAsync(organisation.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Organisation {organisation.Id} vanished right after it was created.");
    }

    /// <summary>The organisations the caller belongs to, with the role in each.</summary>
    public Task<IReadOnlyList<UserMembership>> ListMineAsync(Caller caller, CancellationToken cancellationToken) =>
        _users.ListMembershipsAsync(caller.UserId, cancellationToken);

    public async Task<Versioned<Organisation>> GetAsync(OrganisationAccess access, CancellationToken cancellationToken) =>
        await _store.GetAsync(access.OrganisationId, cancellationToken)
        ?? throw ProblemException.NotFound("organisation", access.OrganisationId);

    /// <summary>Replaces the profile; <paramref name="ifMatch"/>, when given, must be the current ETag.</summary>
    public async Task<Versioned<Organisation>> UpdateAsync(OrganisationAccess access, OrganisationProfileInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var profile = OrganisationProfileValidator.Validate(input);
        var current = await GetAsync(access, cancellationToken);
        if (ifMatch is not null && ifMatch != current.ETag)
        {
            throw ProblemException.PreconditionFailed("organisation", access.OrganisationId);
        }

        var changed = Audit.Changes(current.Value.Profile, profile);
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "organisation.updated", "organisation", access.OrganisationId, changed);
        var saved = await _store.SaveAsync(current.Value with { Profile = profile }, current.ETag, audit, cancellationToken);

        if (profile.Name != current.Value.Profile.Name)
        {
            await RenameInMembershipsAsync(access.OrganisationId, profile.Name, cancellationToken);
        }

        return saved;
    }

    /// <summary>Stores a PNG or JPEG logo of at most <see cref="MaxLogoBytes"/>.</summary>
    public async Task<Versioned<Organisation>> SetLogoAsync(OrganisationAccess access, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (content.Length > MaxLogoBytes)
        {
            throw new ProblemException(ProblemKind.PayloadTooLarge, ErrorCodes.PayloadTooLarge, new Dictionary<string, object?>
            {
                ["size"] = content.Length,
                ["limit"] = MaxLogoBytes,
            });
        }

        var contentType = ImageSniffer.ContentTypeOf(content.Span)
            ?? throw ProblemException.Invalid(OrganisationErrorCodes.LogoInvalid, "logo", new Dictionary<string, object?> { ["size"] = content.Length });

        var current = await GetAsync(access, cancellationToken);
        await _logos.SaveAsync(access.OrganisationId, contentType, content, cancellationToken);
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "organisation.logo-changed", "organisation", access.OrganisationId,
            new Dictionary<string, string?> { ["contentType"] = contentType, ["bytes"] = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return await _store.SaveAsync(current.Value with { LogoContentType = contentType }, current.ETag, audit, cancellationToken);
    }

    public async Task<(byte[] Content, string ContentType)> GetLogoAsync(OrganisationAccess access, CancellationToken cancellationToken) =>
        await _logos.GetAsync(access.OrganisationId, cancellationToken)
        ?? throw ProblemException.NotFound("logo", access.OrganisationId);

    public async Task DeleteLogoAsync(OrganisationAccess access, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, cancellationToken);
        await _logos.DeleteAsync(access.OrganisationId, cancellationToken);
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "organisation.logo-removed", "organisation", access.OrganisationId);
        await _store.SaveAsync(current.Value with { LogoContentType = null }, current.ETag, audit, cancellationToken);
    }

    /// <summary>
    /// Closes the organisation: members lose access and it leaves their lists, but its data stays
    /// stored, because Belgian law requires invoices to be kept for ten years.
    /// </summary>
    public async Task CloseAsync(OrganisationAccess access, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, cancellationToken);
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "organisation.closed", "organisation", access.OrganisationId);
        await _store.SaveAsync(current.Value with { Status = OrganisationStatus.Closed }, current.ETag, audit, cancellationToken);

        foreach (var member in await _store.ListMembersAsync(access.OrganisationId, cancellationToken))
        {
            await _users.RemoveMembershipAsync(member.Value.UserId, access.OrganisationId, cancellationToken);
        }
    }

    private async Task RenameInMembershipsAsync(string organisationId, string name, CancellationToken cancellationToken)
    {
        foreach (var member in await _store.ListMembersAsync(organisationId, cancellationToken))
        {
            await _users.SetMembershipAsync(member.Value.UserId, new UserMembership(organisationId, name, member.Value.Role), cancellationToken);
        }
    }
}
