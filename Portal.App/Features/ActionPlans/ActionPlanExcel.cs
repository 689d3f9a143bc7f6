using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.ActionPlans;
using Portal.Core.Excel;
using Portal.Core.Import;
using Portal.Core.Rag;

namespace Portal.App.Features.ActionPlans;

/// <summary>
/// Plans to and from .xlsx in the seed 002 layout, and the board's figures. An import is read into a preview
/// first; nothing is written until the person confirms it.
/// </summary>
public sealed class ActionPlanExcel(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, ActionBoard board, TimeProvider clock)
{
    public sealed record PlanExport(string FileName, bool IncludeIssue, IReadOnlyList<(string Heading, IReadOnlyList<(string? SubHeading, ActionPlanWorkbook.Line Line)> Actions)> Sections);

    /// <summary>What the person checks before confirming an import.</summary>
    public sealed record ImportReview(string FileName, ActionPlanWorkbook.ParsedPlan Parsed);

    /// <summary>The plan's rows, or null when the person cannot see it. Small enough to hold: a plan is tens of actions.</summary>
    public async Task<PlanExport?> PlanAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewActionPlans);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.VisiblePlans(me).AsNoTracking().Include(p => p.Sections).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
            return null;
        var rows = await ActionPlanService.ActionRows(db, planId).ToListAsync(cancellationToken);
        var sections = plan.Sections.Select(s => (s.Heading, (IReadOnlyList<(string?, ActionPlanWorkbook.Line)>)rows
                .Where(a => a.SectionId == s.Id).OrderBy(a => a.Position)
                .Select(a => (a.SubHeading, new ActionPlanWorkbook.Line(a.Number, a.Rag, a.Scope, a.IssueIdentified, a.ActionText,
                    a.Timescale?.ToString(), a.Leads, a.LatestUpdate, a.LatestUpdate is null ? null : a.LatestUpdateOn, a.Outcomes)))
                .ToList()))
            .ToList();
        // The whole title, made safe for a file name (a sheet name's 31-character cut is for tabs, not files).
        var name = ExcelDownload.SafeFileName(plan.Title);
        return new PlanExport($"{name}{ExcelWorkbookWriter.FileExtension}", plan.Type == ActionPlanType.SeriousIncidentRecommendations, sections);
    }

    public static async Task WritePlanAsync(PlanExport export, Stream output, CancellationToken cancellationToken = default)
    {
        await using var workbook = new ExcelWorkbookWriter(output);
        var rows = ActionPlanWorkbook.Rows(export.Sections.Select(s => (s.Heading, s.Actions.Select(a => (a.SubHeading, a.Line)))));
        await workbook.AddSheetAsync(ActionPlanWorkbook.Sheet(export.IncludeIssue), rows, cancellationToken);
        await workbook.CompleteAsync(cancellationToken);
    }

    /// <summary>The board's counts (by plan, lead and organisation) and its overdue list, one sheet each.</summary>
    public async Task WriteBoardAsync(ActionBoard.BoardFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        var byPlan = await board.CountsByPlanAsync(filter, cancellationToken);
        var byLead = await board.CountsByLeadAsync(filter, cancellationToken);
        var byOrganisation = await board.CountsByOrganisationAsync(filter, cancellationToken);
        var overdue = new List<ActionBoard.BoardActionRow>();
        for (var skip = 0; ; skip += ActionBoard.MaxPageSize)
        {
            var (page, total) = await board.ActionsAsync(filter, new(ActionBoard.ActionList.Overdue), skip, ActionBoard.MaxPageSize, cancellationToken);
            overdue.AddRange(page);
            if (overdue.Count >= total || page.Count == 0)
                break;
        }

        await using var workbook = new ExcelWorkbookWriter(output);
        await workbook.AddSheetAsync(CountsSheet("By plan", "Plan"), byPlan, cancellationToken);
        await workbook.AddSheetAsync(CountsSheet("By lead", "Lead"), byLead, cancellationToken);
        await workbook.AddSheetAsync(CountsSheet("By organisation", "Organisation"), byOrganisation, cancellationToken);
        await workbook.AddSheetAsync(new ExcelSheet<ActionBoard.BoardActionRow>("Overdue")
            .Text("Plan", r => r.PlanTitle, width: 40)
            .Text(ActionPlanWorkbook.NumberColumn, r => r.Number, width: 7)
            .Rag(ActionPlanWorkbook.RagColumn, r => r.Rag)
            .Text(ActionPlanWorkbook.ActionColumn, r => r.ActionText ?? r.IssueIdentified, width: 60)
            .Text(ActionPlanWorkbook.TimescaleColumn, r => r.Timescale?.ToString())
            .Date("Due by", r => r.DueBy)
            .Text(ActionPlanWorkbook.LedByColumn, r => string.Join("\n", r.Leads), width: 30)
            .Date("Last update", r => r.LatestUpdateOn), overdue, cancellationToken);
        await workbook.CompleteAsync(cancellationToken);
    }

    private static ExcelSheet<ActionBoard.RagCounts> CountsSheet(string name, string label) => new ExcelSheet<ActionBoard.RagCounts>(name)
        .Text(label, c => c.Label, width: 40)
        .WholeNumber("Red", c => c.Red)
        .WholeNumber("Amber", c => c.Amber)
        .WholeNumber("Green", c => c.Green)
        .WholeNumber("Complete", c => c.Complete)
        .WholeNumber("Not rated", c => c.NotRated)
        .WholeNumber("Overdue", c => c.Overdue)
        .WholeNumber("Total", c => c.Total);

    /// <summary>Reads an uploaded plan into a preview. Writes nothing.</summary>
    public async Task<ImportReview> ReadAsync(ImportFile file, CancellationToken cancellationToken = default)
    {
        await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        // Held once so the file can be read twice: first safely by the importer, then for its header names.
        using var buffer = new MemoryStream();
        var limited = new byte[81_920];
        int read;
        while ((read = await file.Content.ReadAsync(limited, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxFileBytes)
                return new ImportReview(file.FileName, new([], [], [$"The file is larger than {ImportLimits.MaxFileSizeText}."]));
            buffer.Write(limited, 0, read);
        }
        var bytes = buffer.ToArray();
        ImportFile Again() => new(file.FileName, bytes.Length, new MemoryStream(bytes, writable: false));

        var updateHeader = ActionPlanWorkbook.UpdateColumn;
        var preview = await SpreadsheetImporter.ReadAsync(Again(), ActionPlanWorkbook.Schema(), cancellationToken);
        DateOnly? headerDate = null;
        if (preview.FileErrors.Count == 0 && file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // Seed 002 heads the update column "UPDATE NOVEMBER 2015": read that column under its own name, dated by it.
            var headers = ActionPlanWorkbook.ReadHeaderRow(bytes);
            if (!headers.Any(h => string.Equals(h.Trim(), ActionPlanWorkbook.UpdateColumn, StringComparison.OrdinalIgnoreCase))
                && ActionPlanWorkbook.FindDatedUpdateHeader(headers) is { } dated)
            {
                (updateHeader, headerDate) = (dated.Header.Trim(), dated.AsOf);
                preview = await SpreadsheetImporter.ReadAsync(Again(), ActionPlanWorkbook.Schema(updateHeader), cancellationToken);
            }
        }
        return new ImportReview(file.FileName, ActionPlanWorkbook.Parse(preview, updateHeader, headerDate));
    }

    /// <summary>Creates the plan from a preview the person has checked: all of it in one transaction, or nothing.</summary>
    public async Task<(ServiceResult Result, Guid? PlanId)> ConfirmAsync(ImportReview review, string title, ActionPlanType type)
    {
        var me = await currentUser.AuthorizeAsync(Policies.EditActionPlans);
        if (review.Parsed.HasErrors)
            return (ServiceResult.Fail("The file still has errors. Fix them in the spreadsheet and upload it again."), null);
        if (me.OrganisationId is not { } organisationId)
            return (ServiceResult.Fail("You need to belong to an organisation to own a plan."), null);
        await using var db = await dbFactory.CreateDbContextAsync();
        // Leads named exactly as a portal user of the organisation are linked to them, so they get reminders.
        var people = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.IsEnabled)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        var byName = people.GroupBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        var today = UkDate.Today(clock);
        var why = $"Imported from {review.FileName}.";
        ActionPlan? plan = null;
        var result = await db.TrySaveAsync(() =>
        {
            plan = new ActionPlan(title, type, [organisationId], now);
            db.ActionPlans.Add(plan);
            foreach (var parsed in review.Parsed.Sections)
            {
                var section = plan.AddSection(parsed.Title, parsed.Number);
                var position = 0;
                foreach (var a in parsed.Actions)
                {
                    var action = plan.CreateAction(section.Id, ++position, new ActionDetails(a.Number, a.SubHeading, a.Scope, a.Action,
                        a.IssueIdentified, a.Timescale, Outcomes: a.Outcomes), now);
                    action.SetLeads(a.Leads.Select(l => new LeadInput(l, byName.TryGetValue(l, out var id) ? id : null)), now);
                    if (a.Update is not null)
                        action.AddUpdate(a.UpdateDate ?? today, a.Update, me.UserId, me.DisplayName, now);
                    if (a.Rag == RagStatus.Complete)
                        action.Complete(a.UpdateDate ?? today, why, me.UserId, me.DisplayName, now);
                    else if (a.Rag is { } rag)
                        action.ChangeRag(rag, why, me.UserId, me.DisplayName, now);
                    db.PlanActions.Add(action);
                }
            }
        });
        return (result, result.Succeeded ? plan!.Id : null);
    }
}
