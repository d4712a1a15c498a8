using Bilansoft.Application.Identity;
using Bilansoft.Application.Sales;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Sales;

/// <summary><c>/api/orgs/{orgId}/settings/numbering</c>: the numbering series of the four document kinds.</summary>
public sealed class NumberingFunctions
{
    private readonly NumberingService _numbering;

    public NumberingFunctions(NumberingService numbering) => _numbering = numbering;

    /// <summary>Returns the numbering series with each one's next number.</summary>
    [Function("GetNumberingSettings")]
    [ProducesResponseType(typeof(NumberingResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.OrganisationRead)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/settings/numbering")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var overview = await _numbering.GetAsync(context.GetAccess(), cancellationToken);

        return ApiResults.Ok(request, NumberingResponse.From(overview), overview.ETag);
    }

    /// <summary>Changes numbering series; omitted series and fields keep their values.</summary>
    [Function("UpdateNumberingSettings")]
    [AcceptsJson(typeof(NumberingRequest))]
    [ProducesResponseType(typeof(NumberingResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.OrganisationManage)]
    public async Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/settings/numbering")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<NumberingRequest>(request, cancellationToken);

        var overview = await _numbering.UpdateAsync(context.GetAccess(), body.ToInput(), ApiResults.IfMatch(request), cancellationToken);

        return ApiResults.Ok(request, NumberingResponse.From(overview), overview.ETag);
    }
}
