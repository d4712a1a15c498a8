namespace Bilansoft.Application.Organisations;

/// <summary>Settings of invitations, from the <c>Invitations</c> configuration section.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Invitations";

    /// <summary>How long an invitation link works.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Address of the page of the web app that accepts invitations; the token is added as
    /// <c>?token=</c>.
    /// </summary>
    public Uri AcceptPageUrl { get; set; } = new("https://app.bilansoft.be/invitations/accept");
}
