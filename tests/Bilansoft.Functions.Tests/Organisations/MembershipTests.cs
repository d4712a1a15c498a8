using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Organisations;

/// <summary>Invitations expire after two seconds here, so the expiry test needs no clock tricks.</summary>
public sealed class ShortInvitationsFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Invitations:Lifetime"] = "00:00:02",
        ["Invitations:AcceptPageUrl"] = "https://app.bilansoft.example/invitations/accept",
    };
}

public sealed partial class MembershipTests : IClassFixture<HostFixture>, IClassFixture<ShortInvitationsFixture>
{
    private readonly HostFixture _fixture;
    private readonly ShortInvitationsFixture _shortInvitations;

    public MembershipTests(HostFixture fixture, ShortInvitationsFixture shortInvitations)
    {
        _fixture = fixture;
        _shortInvitations = shortInvitations;
    }

    [Fact]
    public async Task Invitation_EmailLinkAddsTheInviteeWithItsRole()
    {
        using var owner = await _fixture.SignInAsync(name: "Olivia Owner");
        using var invitee = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync("Bakkerij Peeters");
        var email = $"{invitee.UserId}@example.be";

        using var invited = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invitations", new { email, role = "accountant" });
        var mail = await MailPickup.WaitForAsync(_fixture.Host, email);
        var token = TokenFrom(mail.TextBody);
        using var accepted = await invitee.Client.PostAsJsonAsync("api/invitations/accept", new { token });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Equal("Olivia Owner nodigt u uit voor Bakkerij Peeters op Bilansoft", mail.Subject);
        Assert.Contains("als boekhouder", mail.TextBody);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accountant", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        var members = await owner.Client.GetFromJsonAsync<JsonElement[]>($"api/orgs/{organisation}/members");
        Assert.Contains(members!, m => m.GetProperty("userId").GetString() == invitee.UserId && m.GetProperty("role").GetString() == "accountant");
        var me = await invitee.Client.GetFromJsonAsync<JsonElement>("api/me");
        Assert.Equal(organisation, me.GetProperty("organisations")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task PickupMail_DownloadsFromTheLocalHost()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var email = $"pickup-{Guid.NewGuid():N}@example.be";
        await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invitations", new { email, role = "staff" });
        await MailPickup.WaitForAsync(_fixture.Host, email);
        using var client = _fixture.Host.CreateClient();

        var listed = await client.GetFromJsonAsync<JsonElement[]>("admin/mail");
        var downloads = listed!.Select(m => m.GetProperty("download").GetString()!).ToList();
        var messages = new List<MimeKit.MimeMessage>();
        foreach (var download in downloads)
        {
            using var response = await client.GetAsync(download.TrimStart('/'));
            Assert.Equal("message/rfc822", response.Content.Headers.ContentType?.MediaType);
            messages.Add(await MimeKit.MimeMessage.LoadAsync(await response.Content.ReadAsStreamAsync()));
        }

        Assert.Contains(messages, m => m.To.Mailboxes.Any(box => box.Address == email));
    }

    [Fact]
    public async Task Invitation_WorksOnlyOnce()
    {
        using var owner = await _fixture.SignInAsync();
        using var first = await _fixture.SignInAsync();
        using var second = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var token = await InviteAsync(_fixture, owner, organisation, "staff");

        using var accepted = await first.Client.PostAsJsonAsync("api/invitations/accept", new { token });
        using var reused = await second.Client.PostAsJsonAsync("api/invitations/accept", new { token });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("invitation-used", (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.GetAsync($"api/orgs/{organisation}")).StatusCode);
    }

    [Fact]
    public async Task Invitation_ExpiredOrRevokedOrForged_IsRejected()
    {
        using var owner = await _shortInvitations.SignInAsync();
        using var invitee = await _shortInvitations.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var expiring = await InviteAsync(_shortInvitations, owner, organisation, "staff");
        var revokedToken = await InviteAsync(_shortInvitations, owner, organisation, "staff");
        var invitations = await owner.Client.GetFromJsonAsync<JsonElement[]>($"api/orgs/{organisation}/invitations");
        var revokedId = revokedToken.Split('.')[1];
        await owner.Client.DeleteAsync($"api/orgs/{organisation}/invitations/{revokedId}");
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        using var expired = await invitee.Client.PostAsJsonAsync("api/invitations/accept", new { token = expiring });
        using var revoked = await invitee.Client.PostAsJsonAsync("api/invitations/accept", new { token = revokedToken });
        using var forged = await invitee.Client.PostAsJsonAsync("api/invitations/accept", new { token = expiring[..^4] + "AAAA" });

        Assert.Equal(2, invitations!.Length);
        Assert.Equal("invitation-expired", (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, revoked.StatusCode);
        Assert.Equal("invitation-revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("invitation-invalid", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task LastOwner_CannotLeaveOrBeDemoted()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();

        using var leave = await owner.Client.PostAsync($"api/orgs/{organisation}/leave", null);
        using var demote = await owner.Client.PutAsJsonAsync($"api/orgs/{organisation}/members/{owner.UserId}", new { role = "administrator" });

        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
        Assert.Equal("last-owner", (await leave.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal("owner", (await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task SecondOwner_LetsTheFirstStepDown()
    {
        using var owner = await _fixture.SignInAsync();
        using var partner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        await AcceptAsync(partner, await InviteAsync(_fixture, owner, organisation, "owner"));

        using var demote = await owner.Client.PutAsJsonAsync($"api/orgs/{organisation}/members/{owner.UserId}", new { role = "administrator" });

        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Equal("administrator", (await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Administrator_CannotGrantOwnership()
    {
        using var owner = await _fixture.SignInAsync();
        using var admin = await _fixture.SignInAsync();
        using var staff = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        await AcceptAsync(admin, await InviteAsync(_fixture, owner, organisation, "administrator"));
        await AcceptAsync(staff, await InviteAsync(_fixture, owner, organisation, "staff"));

        using var promote = await admin.Client.PutAsJsonAsync($"api/orgs/{organisation}/members/{staff.UserId}", new { role = "owner" });
        using var inviteOwner = await admin.Client.PostAsJsonAsync($"api/orgs/{organisation}/invitations", new { email = "x@example.be", role = "owner" });
        using var demoteOwner = await admin.Client.PutAsJsonAsync($"api/orgs/{organisation}/members/{owner.UserId}", new { role = "staff" });
        using var changeStaff = await admin.Client.PutAsJsonAsync($"api/orgs/{organisation}/members/{staff.UserId}", new { role = "projectMember" });

        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal("owner-role-requires-owner", (await promote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, inviteOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, demoteOwner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changeStaff.StatusCode);
    }

    [Fact]
    public async Task RemovedMember_LosesAccess()
    {
        using var owner = await _fixture.SignInAsync();
        using var member = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        await AcceptAsync(member, await InviteAsync(_fixture, owner, organisation, "staff"));
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"api/orgs/{organisation}")).StatusCode);

        using var removed = await owner.Client.DeleteAsync($"api/orgs/{organisation}/members/{member.UserId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"api/orgs/{organisation}")).StatusCode);
        Assert.Empty(await member.Client.GetFromJsonAsync<JsonElement[]>("api/orgs") ?? []);
        var audit = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/audit");
        Assert.Equal(
            ["member.removed", "member.joined", "member.invited", "organisation.created"],
            audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    private static async Task<string> InviteAsync(HostFixture fixture, ApiSession owner, string organisation, string role)
    {
        var email = $"invitee-{Guid.NewGuid():N}@example.be";
        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invitations", new { email, role });
        response.EnsureSuccessStatusCode();
        return TokenFrom((await MailPickup.WaitForAsync(fixture.Host, email)).TextBody);
    }

    private static async Task AcceptAsync(ApiSession invitee, string token)
    {
        using var response = await invitee.Client.PostAsJsonAsync("api/invitations/accept", new { token });
        response.EnsureSuccessStatusCode();
    }

    private static string TokenFrom(string? body) => Uri.UnescapeDataString(TokenInLink().Match(body ?? string.Empty).Groups[1].Value);

    [GeneratedRegex(@"token=(\S+)")]
    private static partial Regex TokenInLink();
}
