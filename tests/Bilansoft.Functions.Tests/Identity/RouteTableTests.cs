using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Functions.Platform;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Identity;

/// <summary>
/// Walks the app's whole route table, so routes added later are covered without new tests: every
/// organisation route needs a token, hides other organisations behind 404, declares one permission
/// and enforces it for every role.
/// </summary>
public sealed partial class RouteTableTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public RouteTableTests(HostFixture fixture) => _fixture = fixture;

    public static IEnumerable<FunctionDescriptor> OrganisationRoutes =>
        FunctionCatalog.FromAssemblies(typeof(BilansoftWorker).Assembly).Functions
            .Where(f => f.Trigger == TriggerKind.Http && f.Route!.Contains("{orgId", StringComparison.Ordinal));

    public static TheoryData<string, string> OrganisationRequests()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in OrganisationRoutes)
        {
            foreach (var method in function.HttpMethods!)
            {
                data.Add(function.Name, method);
            }
        }

        return data;
    }

    [Fact]
    public void RouteTable_HasOrganisationRoutes()
    {
        Assert.True(OrganisationRoutes.Count() >= 10, "The route table looks empty; the walk would prove nothing.");
    }

    [Fact]
    public void EveryOrganisationRoute_DeclaresOnePermission()
    {
        foreach (var function in OrganisationRoutes)
        {
            var info = FunctionMethodInfo.Read(function.EntryPoint);
            Assert.True(info.Permission is not null, $"{function.Name} ({function.Route}) has no [RequiresPermission].");
            Assert.False(info.AllowsAnonymous, $"{function.Name} allows anonymous calls on an organisation route.");
            Assert.StartsWith("orgs/{orgId}", function.Route, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(OrganisationRequests))]
    public async Task OrganisationRoute_WithoutToken_Returns401(string functionName, string method)
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        using var anonymous = _fixture.Host.CreateClient();

        using var response = await anonymous.SendAsync(RequestFor(functionName, method, organisation));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OrganisationRequests))]
    public async Task OrganisationRoute_OfAnotherOrganisation_Returns404(string functionName, string method)
    {
        using var memberOfA = await _fixture.SignInAsync();
        using var ownerOfB = await _fixture.SignInAsync();
        await memberOfA.CreateOrganisationAsync("A");
        var organisationB = await ownerOfB.CreateOrganisationAsync("B");

        using var response = await memberOfA.Client.SendAsync(RequestFor(functionName, method, organisationB));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("organisation", problem.GetProperty("resource").GetString());
        Assert.DoesNotContain("\"B\"", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, Role> RolesPerPermission()
    {
        var data = new TheoryData<string, Role>();
        foreach (var permission in OrganisationRoutes.Select(f => FunctionMethodInfo.Read(f.EntryPoint).Permission!.Permission).Distinct())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(permission.ToString(), role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesPerPermission))]
    public async Task EveryRole_GetsExactlyTheMatrixPermissions(string permissionName, Role role)
    {
        var permission = Enum.Parse<Permission>(permissionName);
        var function = OrganisationRoutes.First(f => FunctionMethodInfo.Read(f.EntryPoint).Permission!.Permission == permission);
        using var owner = await _fixture.SignInAsync();
        using var member = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        await AddMemberAsync(organisation, member.UserId, role);

        using var response = await member.Client.SendAsync(RequestFor(function.Name, function.HttpMethods![0], organisation));

        var body = await response.Content.ReadAsStringAsync();
        if (PermissionMatrix.Allows(role, permission))
        {
            Assert.True(
                response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) && !body.Contains("\"resource\":\"organisation\"", StringComparison.Ordinal),
                $"{role} should pass {permission} on {function.Name}, got {(int)response.StatusCode}: {body}");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} must not pass {permission} on {function.Name}, got {(int)response.StatusCode}: {body}");
            Assert.Contains("\"code\":\"forbidden\"", body, StringComparison.Ordinal);
        }
    }

    private async Task AddMemberAsync(string organisation, string userId, Role role)
    {
        var store = _fixture.Host.Services.GetRequiredService<IOrganisationStore>();
        var now = DateTimeOffset.UtcNow;
        await store.ChangeMembersAsync(
            organisation,
            new MemberChange(new Member(userId, null, null, role, now), null, null, []),
            Audit.Entry(new Caller("test-arrangement", null, null), now, "member.joined", "member", userId),
            CancellationToken.None);
    }

    // Fills route parameters with well-formed ids; the checks under test run before any lookup.
    private static HttpRequestMessage RequestFor(string functionName, string method, string organisation)
    {
        var function = OrganisationRoutes.Single(f => f.Name == functionName);
        var path = RouteParameter().Replace(function.Route!, match => match.Groups["name"].Value switch
        {
            "orgId" => organisation,
            var _ when match.Value.Contains(":int", StringComparison.Ordinal) => "1",
            _ => "0123456789abcdef0123456789abcdef",
        });
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), "api/" + path);
        if (method is "post" or "put" or "patch")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return request;
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
