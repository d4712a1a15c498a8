using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Organisations;

/// <summary>
/// Organisations in the organisation table. Rows of one organisation share its partition:
/// <c>organisation|profile</c>, <c>member|{userId}</c>, <c>invitation|{id}</c> and
/// <c>audit|{invertedTime}|{id}</c>, so each change and its audit entry commit together.
/// </summary>
public sealed class TableOrganisationStore : IOrganisationStore
{
    private const string OrganisationKind = "organisation";
    private const string ProfileId = "profile";
    private const string MemberKind = "member";
    private const string InvitationKind = "invitation";

    private readonly StorageClients _storage;

    public TableOrganisationStore(StorageClients storage) => _storage = storage;

    public async Task CreateAsync(Organisation organisation, Member owner, AuditEntry audit, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await OrganisationTable.SubmitAsync(
            table,
            [
                new TableTransactionAction(TableTransactionActionType.Add, OrganisationRow(organisation)),
                new TableTransactionAction(TableTransactionActionType.Add, MemberRow(organisation.Id, owner)),
                OrganisationTable.AuditRow(organisation.Id, audit),
            ],
            () => ProblemException.Conflict(OrganisationErrorCodes.ConcurrentChange),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);
    }

    public async Task<Versioned<Organisation>?> GetAsync(string organisationId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<Organisation>(await TableAsync(cancellationToken), organisationId, OrganisationKind, ProfileId, cancellationToken);

    public async Task<Versioned<Organisation>> SaveAsync(Organisation organisation, string etag, AuditEntry audit, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await OrganisationTable.SubmitAsync(
            table,
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, OrganisationRow(organisation), new ETag(etag)),
                OrganisationTable.AuditRow(organisation.Id, audit),
            ],
            () => ProblemException.PreconditionFailed("organisation", organisation.Id),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);
        return new Versioned<Organisation>(organisation, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task<Versioned<Member>?> GetMemberAsync(string organisationId, string userId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<Member>(await TableAsync(cancellationToken), organisationId, MemberKind, RowKeys.Escape(userId), cancellationToken);

    public async Task<IReadOnlyList<Versioned<Member>>> ListMembersAsync(string organisationId, CancellationToken cancellationToken) =>
        await OrganisationTable.ListAsync<Member>(await TableAsync(cancellationToken), organisationId, MemberKind, cancellationToken);

    public async Task ChangeMembersAsync(string organisationId, MemberChange change, AuditEntry audit, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        if (change.Upsert is { } member)
        {
            actions.Add(change.UpsertETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, MemberRow(organisationId, member))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, MemberRow(organisationId, member), new ETag(change.UpsertETag)));
        }

        if (change.Remove is { } removed)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, MemberKey(removed.Value.UserId)), new ETag(removed.ETag)));
        }

        // Merging no properties under the row's ETag changes nothing, but fails the whole
        // transaction if that member changed since it was read; it guards "at least one owner".
        foreach (var unchanged in change.Unchanged)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(organisationId, MemberKey(unchanged.Value.UserId)), new ETag(unchanged.ETag)));
        }

        actions.Add(OrganisationTable.AuditRow(organisationId, audit));
        await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            actions,
            () => ProblemException.Conflict(OrganisationErrorCodes.ConcurrentChange),
            OrganisationErrorCodes.AlreadyMember,
            cancellationToken);
    }

    public async Task AddInvitationAsync(string organisationId, Invitation invitation, AuditEntry audit, CancellationToken cancellationToken) =>
        await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.Add, OrganisationTable.Row(organisationId, InvitationKind, invitation.Id, invitation)),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.Conflict(OrganisationErrorCodes.ConcurrentChange),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);

    public async Task<Versioned<Invitation>?> GetInvitationAsync(string organisationId, string invitationId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<Invitation>(await TableAsync(cancellationToken), organisationId, InvitationKind, invitationId, cancellationToken);

    public async Task<IReadOnlyList<Invitation>> ListInvitationsAsync(string organisationId, CancellationToken cancellationToken) =>
        (await OrganisationTable.ListAsync<Invitation>(await TableAsync(cancellationToken), organisationId, InvitationKind, cancellationToken))
            .Select(row => row.Value)
            .ToList();

    public async Task SaveInvitationAsync(string organisationId, Invitation invitation, string etag, AuditEntry audit, CancellationToken cancellationToken) =>
        await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, OrganisationTable.Row(organisationId, InvitationKind, invitation.Id, invitation), new ETag(etag)),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.Conflict(OrganisationErrorCodes.ConcurrentChange),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);

    public async Task AcceptInvitationAsync(string organisationId, Invitation accepted, string invitationETag, Member member, AuditEntry audit, CancellationToken cancellationToken) =>
        await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, OrganisationTable.Row(organisationId, InvitationKind, accepted.Id, accepted), new ETag(invitationETag)),
                new TableTransactionAction(TableTransactionActionType.Add, MemberRow(organisationId, member)),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.Conflict(OrganisationErrorCodes.InvitationUsed),
            OrganisationErrorCodes.AlreadyMember,
            cancellationToken);

    public async Task<ListPage<AuditEntry>> ListAuditAsync(string organisationId, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        await OrganisationTable.PageAsync<AuditEntry>(
            await TableAsync(cancellationToken),
            RowKeys.KindFilter(organisationId, OrganisationTable.AuditKind),
            cursor,
            pageSize,
            cancellationToken);

    private static TableEntity OrganisationRow(Organisation organisation)
    {
        var entity = OrganisationTable.Row(organisation.Id, OrganisationKind, ProfileId, organisation);
        entity["Name"] = organisation.Profile.Name;
        entity["Status"] = organisation.Status.ToString();
        return entity;
    }

    private static TableEntity MemberRow(string organisationId, Member member)
    {
        var entity = OrganisationTable.Row(organisationId, MemberKind, RowKeys.Escape(member.UserId), member);
        entity["Role"] = member.Role.ToString();
        return entity;
    }

    private static string MemberKey(string userId) => RowKeys.For(MemberKind, RowKeys.Escape(userId));

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
