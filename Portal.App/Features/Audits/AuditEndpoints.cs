using Portal.App.Auth;
using Portal.Core.Excel;

namespace Portal.App.Features.Audits;

/// <summary>Excel downloads for the audit module: plain GET links, so the browser streams the file itself.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/audits/export");
        group.MapGet("/cycle/{id:guid}", async (Guid id, HttpContext http, AuditReportsService reports) =>
        {
            var report = await reports.CycleAsync(id);
            if (report is null)
                return Results.NotFound();
            Prepare(http, $"Cycle report {report.CycleName}");
            await AuditWorkbooks.WriteCycleReportAsync(http.Response.Body, report, http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(Policies.ViewAuditReports);

        group.MapGet("/highlights/{id:guid}", async (Guid id, HttpContext http, AuditReportsService reports) =>
        {
            var highlights = await reports.HighlightsAsync(id);
            if (highlights is null)
                return Results.NotFound();
            Prepare(http, $"Highlights {highlights.CycleName}");
            await AuditWorkbooks.WriteHighlightsAsync(http.Response.Body, highlights, http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(Policies.ViewAuditReports);

        group.MapGet("/case-list-template", async (HttpContext http) =>
        {
            Prepare(http, "Case list template");
            await AuditWorkbooks.WriteCaseListTemplateAsync(http.Response.Body, http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(Policies.ManageAuditCycles);
    }

    private static void Prepare(HttpContext http, string title)
    {
        var safe = string.Concat(title.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : '-')).Trim();
        http.Response.ContentType = ExcelWorkbookWriter.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{safe}{ExcelWorkbookWriter.FileExtension}\"";
    }
}
