using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Organisations;

/// <summary>
/// Users in the <c>users</c> table: PartitionKey is the user id, RowKey <c>profile</c> for the
/// profile and <c>membership|{orgId}</c> for each organisation the user belongs to. The membership
/// rows are an index for "my organisations"; access checks read the organisation's own member rows.
/// </summary>
/// <remarks>
/// NOTE: The index lives in another table than the member rows, so it is written after the
/// organisation's transaction. If that second write fails, the member keeps access but the
/// organisation is missing from <c>GET /api/orgs</c> until the next change of the membership.
/// </remarks>
public sealed class TableUserDirectory : IUserDirectory
{
    private const string ProfileKey = "profile";
    private const string MembershipKind = "membership";

    // Users already stored by this instance; saves a storage round trip on every request.
    private readonly ConcurrentDictionary<string, UserProfile> _known = new(StringComparer.Ordinal);
    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;

    public TableUserDirectory(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    public async Task<UserProfile> EnsureAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(caller.UserId, out var known) && known.Name == caller.Name && known.Email == caller.Email)
        {
            return known;
        }

        var table = await TableAsync(cancellationToken);
        var existing = await GetAsync(caller.UserId, cancellationToken);
        var profile = existing is null
            ? new UserProfile(caller.UserId, caller.Name, caller.Email, _clock.GetUtcNow())
            : existing with { Name = caller.Name ?? existing.Name, Email = caller.Email ?? existing.Email };
        if (existing != profile)
        {
            var entity = new TableEntity(Key(caller.UserId), ProfileKey);
            EntityBody.Write(entity, profile);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }

        _known[caller.UserId] = profile;
        return profile;
    }

    public async Task<UserProfile?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Key(userId), ProfileKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? EntityBody.Read<UserProfile>(entity) : null;
    }

    public async Task<IReadOnlyList<UserMembership>> ListMembershipsAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var memberships = new List<UserMembership>();
        await foreach (var entity in table.QueryAsync<TableEntity>(RowKeys.KindFilter(Key(userId), MembershipKind), cancellationToken: cancellationToken))
        {
            memberships.Add(EntityBody.Read<UserMembership>(entity));
        }

        return memberships.OrderBy(m => m.OrganisationName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task SetMembershipAsync(string userId, UserMembership membership, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var entity = new TableEntity(Key(userId), RowKeys.For(MembershipKind, membership.OrganisationId));
        EntityBody.Write(entity, membership);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveMembershipAsync(string userId, string organisationId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await table.DeleteEntityAsync(Key(userId), RowKeys.For(MembershipKind, organisationId), ETag.All, cancellationToken);
    }

    private static string Key(string userId) => RowKeys.Escape(userId);

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => _storage.TableAsync(StorageNames.UserTable, cancellationToken);
}
