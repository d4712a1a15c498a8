using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Organisations;

/// <summary>Finds out whether and how a caller may act in an organisation.</summary>
public sealed class AccessService
{
    private readonly IOrganisationStore _store;

    public AccessService(IOrganisationStore store) => _store = store;

    /// <summary>
    /// The caller's access to the organisation, or null when the organisation does not exist, is
    /// closed, or the caller is not a member; all three look the same to the caller.
    /// </summary>
    public async Task<OrganisationAccess?> ResolveAsync(Caller caller, string organisationId, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(organisationId))
        {
            return null;
        }

        var memberTask = _store.GetMemberAsync(organisationId, caller.UserId, cancellationToken);
        var organisationTask = _store.GetAsync(organisationId, cancellationToken);
        var member = await memberTask;
        var organisation = await organisationTask;
        if (member is null || organisation is null || organisation.Value.Status != OrganisationStatus.Active)
        {
            return null;
        }

        return new OrganisationAccess(caller, organisationId, member.Value.Role);
    }
}
