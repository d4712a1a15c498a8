using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Application.Banking;

/// <summary>Input of a bank account, as a client sends it.</summary>
public sealed record BankAccountInput(string? Iban, string? Name, string? Bic, string? Currency);

/// <summary>
/// Adds, lists, changes and removes bank accounts. The organisation's own IBAN from its profile is
/// an account from the start: listing creates it when it is missing.
/// </summary>
public sealed class BankAccountService
{
    private const string DefaultCurrency = "EUR";

    private readonly IBankAccountStore _accounts;
    private readonly IOrganisationStore _organisations;
    private readonly TimeProvider _clock;

    public BankAccountService(IBankAccountStore accounts, IOrganisationStore organisations, TimeProvider clock)
    {
        _accounts = accounts;
        _organisations = organisations;
        _clock = clock;
    }

    public async Task<Versioned<BankAccount>> CreateAsync(OrganisationAccess access, BankAccountInput input, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var iban = rules.Iban(input.Iban, "iban");
        if (string.IsNullOrWhiteSpace(input.Iban))
        {
            rules.Add("required", "iban");
        }

        var name = rules.Required(input.Name, "name", 100);
        var bic = rules.Bic(input.Bic, "bic");
        var currency = Currency(rules, input.Currency);
        rules.ThrowIfInvalid();

        var now = _clock.GetUtcNow();
        var account = new BankAccount(NewId(now), iban!.Value, bic, name, currency, now);
        var audit = Audit.Entry(access.Caller, now, "bank-account.created", "bank-account", account.Id);
        return await _accounts.AddAsync(access.OrganisationId, account, audit, cancellationToken);
    }

    /// <summary>Lists the accounts, adding the organisation's own IBAN as an account when it is missing.</summary>
    public async Task<IReadOnlyList<Versioned<BankAccount>>> ListAsync(OrganisationAccess access, CancellationToken cancellationToken)
    {
        var accounts = await _accounts.ListAsync(access.OrganisationId, cancellationToken);
        var organisation = await _organisations.GetAsync(access.OrganisationId, cancellationToken);
        if (organisation?.Value.Profile.Iban is not { } iban || accounts.Any(account => account.Value.Iban == iban))
        {
            return accounts;
        }

        await EnsureOrganisationAccountAsync(access.OrganisationId, cancellationToken);
        return await _accounts.ListAsync(access.OrganisationId, cancellationToken);
    }

    public async Task<Versioned<BankAccount>> GetAsync(OrganisationAccess access, string accountId, CancellationToken cancellationToken) =>
        (Identifiers.IsValid(accountId) ? await _accounts.GetAsync(access.OrganisationId, accountId, cancellationToken) : null)
        ?? throw ProblemException.NotFound("bank-account", accountId);

    /// <summary>Changes the name, BIC and currency; the IBAN stays, so a body that names another IBAN is rejected.</summary>
    public async Task<Versioned<BankAccount>> UpdateAsync(OrganisationAccess access, string accountId, BankAccountInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, accountId, cancellationToken);
        var rules = new InputRules();
        var iban = rules.Iban(input.Iban, "iban");
        if (iban is { } changed && changed != current.Value.Iban)
        {
            rules.Add(BankingErrorCodes.IbanImmutable, "iban", new Dictionary<string, object?> { ["value"] = input.Iban });
        }

        var name = rules.Required(input.Name, "name", 100);
        var bic = rules.Bic(input.Bic, "bic");
        var currency = Currency(rules, input.Currency ?? current.Value.Currency);
        rules.ThrowIfInvalid();
        if (ifMatch is not null && ifMatch != current.ETag)
        {
            throw ProblemException.PreconditionFailed("bank-account", accountId);
        }

        var updated = current.Value with { Name = name, Bic = bic, Currency = currency };
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "bank-account.updated", "bank-account", accountId, new Dictionary<string, string?>
        {
            ["name"] = name,
            ["bic"] = bic?.Value,
            ["currency"] = currency,
        });
        return await _accounts.SaveAsync(access.OrganisationId, updated, current.ETag, audit, cancellationToken);
    }

    /// <summary>
    /// Removes an account without statements. The organisation's own IBAN stays, because listing
    /// would add it again; change the profile first.
    /// </summary>
    public async Task DeleteAsync(OrganisationAccess access, string accountId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, accountId, cancellationToken);
        var organisation = await _organisations.GetAsync(access.OrganisationId, cancellationToken);
        if (organisation?.Value.Profile.Iban == current.Value.Iban)
        {
            throw ProblemException.Conflict(BankingErrorCodes.BankAccountIsOrganisationIban, new Dictionary<string, object?> { ["id"] = accountId });
        }

        if (await _accounts.HasStatementsAsync(access.OrganisationId, accountId, cancellationToken))
        {
            throw ProblemException.Conflict(BankingErrorCodes.BankAccountHasStatements, new Dictionary<string, object?> { ["id"] = accountId });
        }

        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "bank-account.deleted", "bank-account", accountId);
        await _accounts.DeleteAsync(access.OrganisationId, current, audit, cancellationToken);
    }

    /// <summary>
    /// Finds the account of an IBAN. The organisation's own IBAN is added as an account on the way
    /// when it is not one yet, so its statements import without a set-up step.
    /// </summary>
    public async Task<Versioned<BankAccount>?> FindAsync(string organisationId, Iban iban, CancellationToken cancellationToken)
    {
        var account = await _accounts.FindByIbanAsync(organisationId, iban, cancellationToken);
        if (account is not null)
        {
            return account;
        }

        var organisation = await _organisations.GetAsync(organisationId, cancellationToken);
        if (organisation?.Value.Profile.Iban != iban)
        {
            return null;
        }

        await EnsureOrganisationAccountAsync(organisationId, cancellationToken);
        return await _accounts.FindByIbanAsync(organisationId, iban, cancellationToken);
    }

    private async Task EnsureOrganisationAccountAsync(string organisationId, CancellationToken cancellationToken)
    {
        var organisation = await _organisations.GetAsync(organisationId, cancellationToken);
        if (organisation?.Value.Profile.Iban is not { } iban)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var profile = organisation.Value.Profile;
        var account = new BankAccount(NewId(now), iban, profile.Bic, profile.Name, DefaultCurrency, now);
        var audit = Audit.Entry(BankingActors.System, now, "bank-account.created", "bank-account", account.Id,
            new Dictionary<string, string?> { ["source"] = "organisation-profile" });
        try
        {
            await _accounts.AddAsync(organisationId, account, audit, cancellationToken);
        }
        catch (ProblemException problem) when (problem.Code == BankingErrorCodes.BankAccountExists)
        {
            // A concurrent request added it first.
        }
    }

    private static string Currency(InputRules rules, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultCurrency;
        }

        var currency = value.Trim().ToUpperInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            rules.Add(BankingErrorCodes.InvalidCurrency, "currency", new Dictionary<string, object?> { ["value"] = value });
        }

        return currency;
    }

    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}

/// <summary>Callers that act for Bilansoft itself in audit entries.</summary>
public static class BankingActors
{
    /// <summary>The parse and match steps.</summary>
    public static Caller System { get; } = new("system", "Bilansoft", null);
}
