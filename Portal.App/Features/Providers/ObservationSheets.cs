using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Notifications;
using Portal.Core.Organisations;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>
/// Multi-agency observation sheets: submitted by anyone who visits a home, or keyed in from paper by the
/// care-concerns inbox team. A new sheet notifies the quality team of the provider's lead organisation.
/// </summary>
public sealed class ObservationSheets(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record SheetInput(Guid? ProviderId, string? NameOfHome, DateOnly DateOfVisit, IReadOnlyList<ObservationAnswerInput> Answers);

    /// <summary>The author of a paper sheet, as written on it.</summary>
    public sealed record PaperAuthor(string Name, string? Role, string? Organisation);

    public sealed record SheetView(Guid Id, int Version, Guid? ProviderId, string NameOfHome, DateOnly DateOfVisit, string VisitCompletedBy,
        string? Role, string? Organisation, bool KeyedFromPaper, string KeyedInBy, DateTimeOffset SubmittedAt, ObservationSheetStatus Status,
        string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgementNote, IReadOnlyList<ObservationAnswerInput> Answers);

    public sealed record MySheetRow(Guid Id, string NameOfHome, DateOnly DateOfVisit, DateTimeOffset SubmittedAt, ObservationSheetStatus Status);

    /// <summary>The signed-in person submits their own visit; their name, job title and organisation complete "Visit completed by".</summary>
    public async Task<(ServiceResult Result, Guid? Id)> SubmitAsync(SheetInput input)
    {
        var me = await currentUser.AuthorizeAsync(Policies.SubmitObservation);
        await using var db = await dbFactory.CreateDbContextAsync();
        var author = await db.Users.AsNoTracking().Where(u => u.Id == me.UserId).Select(u => new { u.DisplayName, u.JobTitle }).SingleAsync();
        return await SaveAsync(db, me, input, me.UserId, author.DisplayName, author.JobTitle, me.OrganisationName, keyedFromPaper: false);
    }

    /// <summary>The inbox team types in a paper sheet, keeping its real visit date and author.</summary>
    public async Task<(ServiceResult Result, Guid? Id)> KeyInPaperSheetAsync(SheetInput input, PaperAuthor author)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await SaveAsync(db, me, input, null, author.Name, author.Role, author.Organisation, keyedFromPaper: true);
    }

    private async Task<(ServiceResult, Guid?)> SaveAsync(PortalDbContext db, UserContext me, SheetInput input, Guid? authorId, string authorName,
        string? role, string? organisation, bool keyedFromPaper)
    {
        Provider? provider = null;
        if (input.ProviderId is { } providerId)
        {
            provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId);
            if (provider is null)
                return (ServiceResult.Fail("That home is no longer in the register. Type its name instead."), null);
        }
        ObservationSheet? sheet = null;
        var now = clock.GetUtcNow();
        var result = await db.TrySaveAsync(() =>
        {
            sheet = new ObservationSheet(provider, input.NameOfHome, input.DateOfVisit, authorId, authorName, role, organisation, me.UserId,
                keyedFromPaper, input.Answers, now);
            db.ObservationSheets.Add(sheet);
        });
        if (!result.Succeeded)
            return (result, null);

        // The quality team of the lead organisation acts on it; an unlinked sheet goes to every quality lead.
        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.IsEnabled && u.Roles.Any(r => r.Role == PortalRole.QualityLead || r.Role == PortalRole.BusinessSupport))
            .Where(u => sheet!.LeadOrganisationId == null || u.OrganisationId == sheet.LeadOrganisationId)
            .Where(u => u.Id != me.UserId)
            .Select(u => u.Id).ToListAsync();
        foreach (var recipient in recipients)
            db.Notifications.Add(new Notification(recipient, $"New observation sheet: {sheet!.NameOfHome}, visit on {sheet.DateOfVisit:d MMM yyyy}",
                $"/providers/inbox/{sheet.Id}", requiresAcknowledgement: false, now));
        await db.SaveChangesAsync();
        return (ServiceResult.Ok, sheet!.Id);
    }

    /// <summary>A sheet, for its author, whoever keyed it, or the quality team of its lead organisation.</summary>
    public async Task<SheetView?> GetAsync(Guid id)
    {
        var me = await currentUser.AuthorizeAsync(Policies.SubmitObservation);
        var manager = me.IsInAnyRole(PortalRole.QualityLead, PortalRole.ServiceManager, PortalRole.TeamManager, PortalRole.BusinessSupport, PortalRole.Administrator);
        var viewer = !me.IsInRole(PortalRole.VisitingProfessional) || me.Roles.Count > 1;
        await using var db = await dbFactory.CreateDbContextAsync();
        var s = await db.ObservationSheets.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (s is null)
            return null;
        var allowed = s.AuthorUserId == me.UserId || s.KeyedInByUserId == me.UserId
            || (viewer && s.LeadOrganisationId == me.OrganisationId)
            || (manager && s.LeadOrganisationId == null);
        if (!allowed)
            return null;
        var names = await db.Users.AsNoTracking().Where(u => u.Id == s.KeyedInByUserId || u.Id == s.AcknowledgedByUserId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return new SheetView(s.Id, s.Version, s.ProviderId, s.NameOfHome, s.DateOfVisit, s.VisitCompletedByName, s.VisitCompletedByRole,
            s.VisitCompletedByOrganisation, s.KeyedFromPaper, names.GetValueOrDefault(s.KeyedInByUserId, "Unknown"), s.SubmittedAt, s.Status,
            s.AcknowledgedByUserId is { } a ? names.GetValueOrDefault(a) : null, s.AcknowledgedAt, s.AcknowledgementNote,
            s.Answers.OrderBy(x => x.QuestionNumber).Select(x => new ObservationAnswerInput(x.QuestionNumber, x.Yes, x.Text, x.Comments)).ToList());
    }

    public async Task<IReadOnlyList<MySheetRow>> MineAsync(int take = 20)
    {
        var me = await currentUser.AuthorizeAsync(Policies.SubmitObservation);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.ObservationSheets.AsNoTracking()
            .Where(s => s.AuthorUserId == me.UserId || s.KeyedInByUserId == me.UserId)
            .OrderByDescending(s => s.SubmittedAt).Take(take)
            .Select(s => new MySheetRow(s.Id, s.NameOfHome, s.DateOfVisit, s.SubmittedAt, s.Status)).ToListAsync();
    }
}
