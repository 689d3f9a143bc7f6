using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core;
using Portal.Core.Calendar;
using Portal.Core.Notifications;
using Portal.Core.Organisations;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>
/// The Safety and Improvement Process for one provider, stage by stage. Every change loads the whole
/// process, asks Core to make it (Core enforces the seed's rules) and saves it with a version check, so
/// two officers editing the same process cannot overwrite each other.
/// </summary>
public sealed class ProviderProcesses(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>A read-only snapshot for the process page: the process as Core sees it, plus what the page needs around it.</summary>
    public sealed record ProcessView(QualityProcess Process, string ProviderName, string ProviderAddress, IReadOnlyList<ProcessDeadline> Deadlines,
        bool MustReportToSqigAndHsab, DateOnly Today, DateOnly? FirstMeetingDueOn);

    /// <summary>What a provider's own staff may read: part-two minutes only.</summary>
    public sealed record ProviderMinutes(Guid MeetingId, MeetingKind Kind, DateOnly HeldOn, string PartTwoMinutes);

    public sealed record ChangeContext(WorkingDayCalendar Calendar, DateOnly Today, DateTimeOffset Now, string Me);

    public async Task<(ServiceResult Result, Guid? Id)> OpenAsync(Guid providerId, string concernSummary)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId && p.LeadOrganisationId == me.OrganisationId);
        if (provider is null)
            return (ServiceResult.Fail("That provider is not in your organisation's register."), null);
        if (await db.QualityProcesses.AnyAsync(q => q.ProviderId == providerId && q.Stage != ProcessStage.Completed && q.Stage != ProcessStage.Resolved))
            return (ServiceResult.Fail($"{provider.Name} already has an open process. Carry on with that one."), null);
        QualityProcess? process = null;
        var result = await db.TrySaveAsync(() =>
        {
            process = new QualityProcess(provider, concernSummary, WorkingCalendar.UkToday(clock), me.DisplayName);
            db.QualityProcesses.Add(process);
        });
        return (result, result.Succeeded ? process!.Id : null);
    }

    public async Task<ProcessView?> GetAsync(Guid processId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewProviders);
        await using var db = await dbFactory.CreateDbContextAsync();
        var process = await db.QualityProcesses.AsNoTracking().AsSplitQuery()
            .FirstOrDefaultAsync(q => q.Id == processId && q.LeadOrganisationId == me.OrganisationId);
        if (process is null)
            return null;
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == process.ProviderId).Select(p => new { p.Name, p.AddressLine1, p.Town, p.Postcode }).SingleAsync();
        var calendar = await WorkingCalendar.LoadAsync(db);
        var today = WorkingCalendar.UkToday(clock);
        return new ProcessView(process, provider.Name, $"{provider.AddressLine1}, {provider.Town} {provider.Postcode}",
            ProcessDeadlines.For(process, calendar, today), process.MustReportToSqigAndHsab(today), today, process.FirstMeetingDueOn(calendar));
    }

    public async Task<IReadOnlyList<(Guid Id, DateOnly OpenedOn, ProcessStage Stage, DateOnly? ClosedOn)>> ForProviderAsync(Guid providerId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewProviders);
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.QualityProcesses.AsNoTracking().IgnoreAutoIncludes()
                .Where(q => q.ProviderId == providerId && q.LeadOrganisationId == me.OrganisationId)
                .OrderByDescending(q => q.OpenedOn).Select(q => new { q.Id, q.OpenedOn, q.Stage, q.ClosedOn }).ToListAsync())
            .Select(q => (q.Id, q.OpenedOn, q.Stage, q.ClosedOn)).ToList();
    }

    // ---- Stage changes ------------------------------------------------------------------------------

    public Task<ServiceResult> EscalateToQualityAssuranceAsync(Guid id, int version, string reason) =>
        ChangeAsync(id, version, (p, c) => p.EscalateToQualityAssurance(c.Today, reason, c.Me));

    public Task<ServiceResult> ResolveAsync(Guid id, int version, string reason) =>
        ChangeAsync(id, version, (p, c) => p.Resolve(c.Today, reason, c.Me));

    public Task<ServiceResult> EscalateToMdmmAsync(Guid id, int version, string reason) =>
        ChangeAsync(id, version, (p, c) => p.EscalateToMdmm(c.Today, reason, c.Me));

    public async Task<ServiceResult> RecordThresholdDecisionAsync(Guid id, int version, Guid meetingId, bool met, string rationale, string? processChair)
    {
        var result = await ChangeAsync(id, version, (p, c) => p.RecordThresholdDecision(meetingId, met, rationale, processChair, c.Me));
        if (result.Succeeded && met)
            await NotifyTeamAsync(id, "Safety and Improvement Process triggered: send the formal notification (Appendix Six) and arrange the first meeting within 10 working days");
        return result;
    }

    public Task<ServiceResult> RecordProviderFormallyNotifiedAsync(Guid id, int version, DateOnly on) =>
        ChangeAsync(id, version, (p, _) => p.RecordProviderFormallyNotified(on));

    public Task<ServiceResult> ConcludeAsync(Guid id, int version, Guid meetingId, string decision) =>
        ChangeAsync(id, version, (p, c) => p.Conclude(meetingId, decision, c.Me));

    public Task<ServiceResult> RecordFundingAuthoritiesInformedAsync(Guid id, int version, DateOnly on) =>
        ChangeAsync(id, version, (p, _) => p.RecordFundingAuthoritiesInformed(on));

    public Task<ServiceResult> RecordReportedToSqigAndHsabAsync(Guid id, int version, DateOnly on) =>
        ChangeAsync(id, version, (p, c) => p.RecordReportedToSqigAndHsab(on, c.Me));

    public Task<ServiceResult> CompleteAsync(Guid id, int version, DateOnly outcomesLetterSentOn) =>
        ChangeAsync(id, version, (p, c) => p.Complete(outcomesLetterSentOn, c.Me));

    public Task<ServiceResult> AddThresholdEvidenceAsync(Guid id, int version, ThresholdIndicator indicator, string evidence) =>
        ChangeAsync(id, version, (p, c) => p.AddThresholdEvidence(indicator, evidence, c.Me, c.Today));

    public Task<ServiceResult> RecordDecisionAsync(Guid id, int version, string decision, Guid? meetingId) =>
        ChangeAsync(id, version, (p, c) => p.RecordDecision(decision, c.Today, c.Me, meetingId));

    public Task<ServiceResult> AddDocumentAsync(Guid id, int version, string title, string? reference) =>
        ChangeAsync(id, version, (p, c) => p.AddDocument(title, reference, c.Me, c.Today));

    // ---- Meetings -----------------------------------------------------------------------------------

    public Task<ServiceResult> ScheduleMeetingAsync(Guid id, int version, MeetingKind kind, DateTime at, string place, string chair, string? lateReason) =>
        ChangeAsync(id, version, (p, c) => p.ScheduleMeeting(kind, at, place, chair, lateReason, c.Calendar));

    public Task<ServiceResult> RescheduleMeetingAsync(Guid id, int version, Guid meetingId, DateTime at, string place, string chair, string? lateReason) =>
        ChangeAsync(id, version, (p, c) => p.RescheduleMeeting(meetingId, at, place, chair, lateReason, c.Calendar));

    public Task<ServiceResult> MarkMeetingHeldAsync(Guid id, int version, Guid meetingId) =>
        ChangeAsync(id, version, (p, c) => p.MarkMeetingHeld(meetingId, c.Today));

    public Task<ServiceResult> AddAttendeeAsync(Guid id, int version, Guid meetingId, string name, string? roleAndOrganisation, MdmmQuorumRole? quorumRole) =>
        ChangeAsync(id, version, (p, _) => p.Meeting(meetingId).AddAttendee(name, roleAndOrganisation, quorumRole));

    public Task<ServiceResult> RemoveAttendeeAsync(Guid id, int version, Guid meetingId, string name) =>
        ChangeAsync(id, version, (p, _) => p.Meeting(meetingId).RemoveAttendee(name));

    public Task<ServiceResult> AddReportReceivedAsync(Guid id, int version, Guid meetingId, string title, string? from, DateOnly receivedOn) =>
        ChangeAsync(id, version, (p, _) => p.Meeting(meetingId).AddReportReceived(title, from, receivedOn));

    public Task<ServiceResult> RecordQamDatesAsync(Guid id, int version, Guid meetingId, DateOnly? seniorManagementToldOn, DateTime? actionPlanReceivedAt, DateOnly? actionsSentOn) =>
        ChangeAsync(id, version, (p, _) =>
        {
            var m = p.Meeting(meetingId);
            if (seniorManagementToldOn is { } told && told != m.SeniorManagementToldOn) m.RecordSeniorManagementTold(told);
            if (actionPlanReceivedAt is { } plan && plan != m.ProviderActionPlanReceivedAt) m.RecordProviderActionPlanReceived(plan);
            if (actionsSentOn is { } sent && sent != m.ActionsSentOn) m.RecordActionsSent(sent);
        });

    public Task<ServiceResult> RecordMdmmNoticesAsync(Guid id, int version, Guid meetingId, DateOnly? gpPracticeNotifiedOn, DateOnly? providerInformedOn) =>
        ChangeAsync(id, version, (p, _) =>
        {
            var m = p.Meeting(meetingId);
            if (gpPracticeNotifiedOn is { } gp && gp != m.GpPracticeNotifiedOn) m.RecordGpPracticeNotified(gp);
            if (providerInformedOn is { } informed && informed != m.ProviderInformedOn) m.RecordProviderInformed(informed);
        });

    public Task<ServiceResult> RecordMinutesAsync(Guid id, int version, Guid meetingId, string? partOne, string? partTwo, DateOnly? circulatedOn, string? exceptionAgreedByChair) =>
        ChangeAsync(id, version, (p, c) => p.Meeting(meetingId).RecordMinutes(partOne, partTwo, circulatedOn, exceptionAgreedByChair, c.Calendar));

    public Task<ServiceResult> HoldInOnePartAsync(Guid id, int version, Guid meetingId, string reason) =>
        ChangeAsync(id, version, (p, _) => p.Meeting(meetingId).HoldInOnePart(reason));

    public Task<ServiceResult> AnswerChecklistAsync(Guid id, int version, Guid meetingId, IReadOnlyList<(int Item, bool? Yes, string? Note)> answers) =>
        ChangeAsync(id, version, (p, _) =>
        {
            var m = p.Meeting(meetingId);
            foreach (var (item, yes, note) in answers)
                m.AnswerChecklist(item, yes, note);
        });

    // ---- Risk assessment ----------------------------------------------------------------------------

    public Task<ServiceResult> AddRiskRowAsync(Guid id, int version, Guid meetingId, DateOnly dateAgreed, string issues, string risks, string actionPlan) =>
        ChangeAsync(id, version, (p, _) => p.AddRiskRow(meetingId, dateAgreed, issues, risks, actionPlan));

    public Task<ServiceResult> EditRiskRowAsync(Guid id, int version, Guid rowId, string issues, string risks, string actionPlan) =>
        ChangeAsync(id, version, (p, _) => p.EditRiskRow(rowId, issues, risks, actionPlan));

    public Task<ServiceResult> ReviewRiskRowAsync(Guid id, int version, Guid rowId, Guid meetingId, DateOnly dateReviewed, string actionsReviewed) =>
        ChangeAsync(id, version, (p, _) => p.ReviewRiskRow(rowId, meetingId, dateReviewed, actionsReviewed));

    /// <summary>The signed-in person signs as chair; Core refuses anyone who is not the chair.</summary>
    public Task<ServiceResult> SignOffRiskRowAsync(Guid id, int version, Guid rowId) =>
        ChangeAsync(id, version, (p, c) => p.SignOffRiskRow(rowId, c.Me, c.Now));

    // ---- The provider's view ------------------------------------------------------------------------

    /// <summary>
    /// For staff of the provider's own organisation: part-two minutes of their processes, never part one,
    /// and nothing from a meeting held in one part.
    /// </summary>
    public async Task<IReadOnlyList<ProviderMinutes>> MinutesForProviderAsync(Guid processId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.PortalUser);
        await using var db = await dbFactory.CreateDbContextAsync();
        var owned = await db.QualityProcesses.IgnoreAutoIncludes().AnyAsync(q => q.Id == processId
            && db.Providers.Any(p => p.Id == q.ProviderId && p.OwnerOrganisationId != null && p.OwnerOrganisationId == me.OrganisationId));
        if (!owned)
            return [];
        var meetings = await db.Set<ProcessMeeting>().AsNoTracking()
            .Where(m => m.ProcessId == processId && m.HeldOn != null && m.MinutesPartTwo != null && !m.HeldInOnePart
                && (m.Kind == MeetingKind.SafetyAndImprovementFirst || m.Kind == MeetingKind.SafetyAndImprovementReconvened))
            .Select(m => new { m.Id, m.Kind, m.HeldOn, m.MinutesPartTwo }).ToListAsync();
        return meetings.OrderBy(m => m.HeldOn).Select(m => new ProviderMinutes(m.Id, m.Kind, m.HeldOn!.Value, m.MinutesPartTwo!)).ToList();
    }

    // ---- Internals ----------------------------------------------------------------------------------

    private async Task<ServiceResult> ChangeAsync(Guid id, int version, Action<QualityProcess, ChangeContext> change)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var process = await db.QualityProcesses.AsSplitQuery().FirstOrDefaultAsync(q => q.Id == id && q.LeadOrganisationId == me.OrganisationId);
        if (process is null)
            return ServiceResult.Fail("That process is not in your organisation.");
        var context = new ChangeContext(await WorkingCalendar.LoadAsync(db), WorkingCalendar.UkToday(clock), clock.GetUtcNow(), me.DisplayName);
        db.ExpectVersion(process, version);
        return await db.TrySaveAsync(() =>
        {
            change(process, context);
            // A change inside the aggregate (a meeting, a risk row) still bumps the process's version,
            // so a second person's stale form fails instead of overwriting.
            var entry = db.Entry(process);
            if (entry.State == EntityState.Unchanged)
                entry.State = EntityState.Modified;
        });
    }

    private async Task NotifyTeamAsync(Guid processId, string title)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == me.OrganisationId && u.IsEnabled
                && u.Roles.Any(r => r.Role == PortalRole.QualityLead || r.Role == PortalRole.BusinessSupport))
            .Select(u => u.Id).ToListAsync();
        foreach (var recipient in recipients)
            db.Notifications.Add(new Notification(recipient, title, $"/providers/process/{processId}", requiresAcknowledgement: false, clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }
}
