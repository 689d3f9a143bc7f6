using Portal.App.Auth;
using Portal.Core.Excel;

namespace Portal.App.Features.ActionPlans;

/// <summary>Downloads: a plan as .xlsx in the seed 002 layout, and the board's figures. Streamed to the response.</summary>
public static class ActionPlanEndpoints
{
    public static void MapActionPlanEndpoints(this WebApplication app)
    {
        app.MapGet("/action-plans/{id:guid}/export", async (Guid id, ActionPlanExcel excel, HttpContext http, CancellationToken cancellationToken) =>
        {
            var export = await excel.PlanAsync(id, cancellationToken);
            if (export is null)
                return Results.NotFound();
            http.Response.ContentType = ExcelWorkbookWriter.ContentType;
            // filename* (RFC 5987) as well as filename: plan titles often hold an en dash, which the plain form cannot carry.
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(export.FileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            await ActionPlanExcel.WritePlanAsync(export, http.Response.Body, cancellationToken);
            return Results.Empty;
        }).RequireAuthorization(Policies.ViewActionPlans);

        app.MapGet("/action-plans/board/export", async (Guid? plan, Guid? org, int? stale, ActionPlanExcel excel, HttpContext http, CancellationToken cancellationToken) =>
        {
            http.Response.ContentType = ExcelWorkbookWriter.ContentType;
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = "RAG board.xlsx" }.ToString();
            await excel.WriteBoardAsync(new ActionBoard.BoardFilter(plan, org, stale ?? Portal.Core.ActionPlans.ActionBoardPreference.DefaultStaleDays),
                http.Response.Body, cancellationToken);
        }).RequireAuthorization(Policies.EditActionPlans);
    }
}
