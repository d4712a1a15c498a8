using Bilansoft.Application.Identity;

namespace Bilansoft.Functions.Platform;

/// <summary>
/// Declares the permission an organisation route needs. Every HTTP function whose route has an
/// <c>{orgId}</c> carries exactly one; the authorization middleware checks membership and this
/// permission before the function runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequiresPermissionAttribute : Attribute
{
    public RequiresPermissionAttribute(Permission permission) => Permission = permission;

    public Permission Permission { get; }
}
