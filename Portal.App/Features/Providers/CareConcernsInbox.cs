using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Notifications;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>
/// The care-concerns inbox: observation sheets for the organisation's providers, plus sheets for homes not
/// yet linked to the register. The quality team links, acknowledges and raises actions.
/// </summary>
public sealed class CareConcernsInbox(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int ActionMessageMaxLength = Notification.TitleMaxLength;

    public sealed record InboxQuery(ObservationSheetStatus? Status, int Skip, int Take);

    public sealed record InboxRow(Guid Id, int Version, string NameOfHome, Guid? ProviderId, DateOnly DateOfVisit, string VisitCompletedBy,
        string? Organisation, bool KeyedFromPaper, DateTimeOffset SubmittedAt, ObservationSheetStatus Status, int NoAnswers);

    public async Task<(IReadOnlyList<InboxRow> Rows, int Total)> ListAsync(InboxQuery query, CancellationToken cancellationToken = default)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sheets = db.ObservationSheets.AsNoTracking().Where(s => s.LeadOrganisationId == me.OrganisationId || s.LeadOrganisationId == null);
        if (query.Status is { } status)
            sheets = sheets.Where(s => s.Status == status);
        var total = await sheets.CountAsync(cancellationToken);
        var rows = await sheets.OrderBy(s => s.Status == ObservationSheetStatus.Received ? 0 : 1).ThenByDescending(s => s.SubmittedAt)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 100))
            .Select(s => new InboxRow(s.Id, s.Version, s.NameOfHome, s.ProviderId, s.DateOfVisit, s.VisitCompletedByName, s.VisitCompletedByOrganisation,
                s.KeyedFromPaper, s.SubmittedAt, s.Status, s.Answers.Count(a => a.Yes == false)))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<int> WaitingCountAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.ObservationSheets.CountAsync(s => (s.LeadOrganisationId == me.OrganisationId || s.LeadOrganisationId == null)
            && s.Status == ObservationSheetStatus.Received);
    }

    public async Task<ServiceResult> LinkAsync(Guid sheetId, int version, Guid providerId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var sheet = await InboxSheetAsync(db, me, sheetId);
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId && p.LeadOrganisationId == me.OrganisationId);
        if (sheet is null || provider is null)
            return ServiceResult.Fail("Choose a sheet in your inbox and a provider in your organisation's register.");
        db.ExpectVersion(sheet, version);
        return await db.TrySaveAsync(() => sheet.LinkToProvider(provider));
    }

    public async Task<ServiceResult> AcknowledgeAsync(Guid sheetId, int version, string? note)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var sheet = await InboxSheetAsync(db, me, sheetId);
        if (sheet is null)
            return ServiceResult.Fail("That sheet is not in your inbox.");
        db.ExpectVersion(sheet, version);
        return await db.TrySaveAsync(() => sheet.Acknowledge(me.UserId, clock.GetUtcNow(), note));
    }

    /// <summary>Raises an action from a sheet: an in-app item the named colleague must acknowledge.</summary>
    public async Task<ServiceResult> RaiseActionAsync(Guid sheetId, Guid recipientUserId, string message)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var sheet = await InboxSheetAsync(db, me, sheetId);
        if (sheet is null)
            return ServiceResult.Fail("That sheet is not in your inbox.");
        if (!await db.Users.AnyAsync(u => u.Id == recipientUserId && u.OrganisationId == me.OrganisationId && u.IsEnabled))
            return ServiceResult.Fail("Choose a colleague in your organisation.");
        var link = sheet.ProviderId is { } p ? $"/providers/{p}" : $"/providers/inbox/{sheet.Id}";
        return await db.TrySaveAsync(() => db.Notifications.Add(new Notification(recipientUserId, message, link, requiresAcknowledgement: true, clock.GetUtcNow())));
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> ColleaguesAsync()
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.Users.AsNoTracking().Where(u => u.OrganisationId == me.OrganisationId && u.IsEnabled).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }

    private static Task<ObservationSheet?> InboxSheetAsync(PortalDbContext db, UserContext me, Guid sheetId) =>
        db.ObservationSheets.FirstOrDefaultAsync(s => s.Id == sheetId && (s.LeadOrganisationId == me.OrganisationId || s.LeadOrganisationId == null));
}
