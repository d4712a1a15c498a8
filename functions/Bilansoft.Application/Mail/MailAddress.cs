namespace Bilansoft.Application.Mail;

/// <summary>An e-mail address with an optional display name, such as <c>Acme BV &lt;billing@acme.be&gt;</c>.</summary>
/// <remarks>
/// <see cref="ToString"/> leaves the address out, so an address logged by mistake stays out of the logs.
/// </remarks>
public sealed record MailAddress
{
    /// <summary>Creates an address after checking its shape.</summary>
    /// <param name="address">A bare address (<c>billing@acme.be</c>) without display name or angle brackets.</param>
    /// <param name="displayName">The name mail clients show; null or empty for none.</param>
    /// <exception cref="ArgumentException">The address is not a bare e-mail address, or the display name contains control characters.</exception>
    public MailAddress(string address, string? displayName = null)
    {
        if (string.IsNullOrWhiteSpace(address)
            || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed)
            || !string.Equals(parsed.Address, address, StringComparison.Ordinal)
            || !string.IsNullOrEmpty(parsed.DisplayName))
        {
            throw new ArgumentException("The e-mail address is invalid; pass a bare address such as billing@example.be.", nameof(address));
        }

        MailText.EnsureSingleLine(displayName, nameof(displayName));
        Address = address;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
    }

    public string Address { get; }

    public string? DisplayName { get; }

    /// <summary>Returns a placeholder with the display name only.</summary>
    public override string ToString() => DisplayName is null ? "MailAddress(…)" : $"MailAddress({DisplayName})";
}
