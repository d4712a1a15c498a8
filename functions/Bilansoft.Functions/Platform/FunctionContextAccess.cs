using Bilansoft.Application.Identity;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Platform;

/// <summary>The caller and organisation access the middleware established for an invocation.</summary>
public static class FunctionContextAccess
{
    private const string CallerKey = "Bilansoft.Caller";
    private const string AccessKey = "Bilansoft.OrganisationAccess";

    public static void SetCaller(this FunctionContext context, Caller caller) => context.Items[CallerKey] = caller;

    public static void SetAccess(this FunctionContext context, OrganisationAccess access) => context.Items[AccessKey] = access;

    /// <summary>The signed-in caller.</summary>
    /// <exception cref="InvalidOperationException">The function allows anonymous calls, so no caller was established.</exception>
    public static Caller GetCaller(this FunctionContext context) =>
        context.Items.TryGetValue(CallerKey, out var caller) ? (Caller)caller
        : throw new InvalidOperationException($"Function {context.FunctionDefinition.Name} has no authenticated caller.");

    /// <summary>The caller's access to the organisation of the route.</summary>
    /// <exception cref="InvalidOperationException">The function's route is not an organisation route.</exception>
    public static OrganisationAccess GetAccess(this FunctionContext context) =>
        context.Items.TryGetValue(AccessKey, out var access) ? (OrganisationAccess)access
        : throw new InvalidOperationException($"Function {context.FunctionDefinition.Name} has no organisation access; is it missing [RequiresPermission]?");
}
