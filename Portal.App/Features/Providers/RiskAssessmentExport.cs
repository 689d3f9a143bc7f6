using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Excel;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>
/// The MDMM Risk Assessment (Appendix Five) as an Excel workbook in the appendix's layout: its six columns,
/// the provider, and the rows grouped under each "Date of Meeting" at which they were agreed.
/// </summary>
public sealed class RiskAssessmentExport(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public static readonly ExcelSheet<RiskAssessmentRow> Sheet = new ExcelSheet<RiskAssessmentRow>("MDMM Risk Assessment")
        .Date("Date Agreed", r => r.DateAgreed)
        .Text("Issues", r => r.Issues, width: 40)
        .Text("Risks", r => r.Risks, width: 40)
        .Text("Action Plan/ Actions Reviewed", r => r.ActionsReviewed is null ? r.ActionPlan : $"{r.ActionPlan}\n{r.ActionsReviewed}", width: 60)
        .Date("Date Reviewed", r => r.DateReviewed)
        .Text("Sign Off", r => r.SignedOffBy is null ? null : $"{r.SignedOffBy}, {r.SignedOffAt:dd/MM/yyyy HH:mm}", width: 30);

    /// <summary>Writes the workbook; returns the file name, or null when the process is not the user's to see.</summary>
    public async Task<string?> WriteAsync(Guid processId, Stream output, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewProviders);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var process = await db.QualityProcesses.AsNoTracking().AsSplitQuery()
            .FirstOrDefaultAsync(q => q.Id == processId && q.LeadOrganisationId == me.OrganisationId, cancellationToken);
        if (process is null)
            return null;
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == process.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);

        await using var writer = new ExcelWorkbookWriter(output);
        await writer.AddSheetAsync(Sheet, Rows(process, provider), cancellationToken);
        await writer.CompleteAsync(cancellationToken);
        return $"MDMM Risk Assessment - {ExcelSheetName.Clean(provider)}.xlsx";
    }

    internal static IEnumerable<ExcelRow<RiskAssessmentRow>> Rows(QualityProcess process, string providerName)
    {
        yield return ExcelRow<RiskAssessmentRow>.Section($"Provider: {providerName}");
        foreach (var meeting in process.Meetings.Where(m => process.RiskRows.Any(r => r.MeetingId == m.Id)).OrderBy(m => m.ScheduledFor))
        {
            yield return ExcelRow<RiskAssessmentRow>.Section($"Date of Meeting: {meeting.Date:dd/MM/yyyy} ({meeting.Kind.Describe()})");
            foreach (var row in process.RiskRows.Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.DateAgreed))
                yield return row;
        }
    }
}

public static class ProviderEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/providers/process/{id:guid}/risk.xlsx", async (Guid id, HttpContext http, RiskAssessmentExport export) =>
        {
            // Buffer to a temporary file so a refusal can still be a 404 rather than a broken download.
            await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            var name = await export.WriteAsync(id, buffer, http.RequestAborted);
            if (name is null)
                return Results.NotFound();
            buffer.Position = 0;
            http.Response.ContentType = ExcelWorkbookWriter.ContentType;
            http.Response.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = name }.ToString();
            await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(Policies.ViewProviders);

    public static void MapLetters(WebApplication app) =>
        app.MapGet("/providers/letters/{id:guid}", async (Guid id, HttpContext http, ProcessLetters letters) =>
        {
            var file = await letters.DownloadAsync(id, http.RequestAborted);
            return file is null ? Results.NotFound() : Results.File(file.Content, Portal.Core.Letters.DocxLetterWriter.ContentType, file.FileName);
        }).RequireAuthorization(Policies.ManageProviderQuality);
}
