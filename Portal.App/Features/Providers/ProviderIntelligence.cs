using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core.Providers;

namespace Portal.App.Features.Providers;

/// <summary>Intelligence about a provider, and the provider's timeline: everything known about it, newest first.</summary>
public sealed class ProviderIntelligence(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record IntelligenceInput(IntelligenceKind Kind, DateOnly OccurredOn, string Summary, string? Outcome, string? Source,
        CqcRating? CqcRating, IReadOnlyDictionary<PammsDomain, PammsRating>? PammsRatings);

    public enum TimelineKind
    {
        Intelligence,
        ObservationSheet,
        Decision,
        Meeting,
        Letter,
    }

    public sealed record TimelineItem(DateOnly Date, TimelineKind Kind, string Label, string Title, string? Detail, string? Link);

    public async Task<(ServiceResult Result, Guid? Id)> AddAsync(Guid providerId, IntelligenceInput input)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == providerId && p.LeadOrganisationId == me.OrganisationId);
        if (provider is null)
            return (ServiceResult.Fail("That provider is not in your organisation's register."), null);
        IntelligenceEntry? entry = null;
        var result = await db.TrySaveAsync(() =>
        {
            entry = new IntelligenceEntry(provider, input.Kind, input.OccurredOn, input.Summary, input.Outcome, input.Source, input.CqcRating,
                input.PammsRatings, me.UserId, me.DisplayName, clock.GetUtcNow());
            db.IntelligenceEntries.Add(entry);
        });
        return (result, result.Succeeded ? entry!.Id : null);
    }

    public async Task<ServiceResult> RecordOutcomeAsync(Guid entryId, int version, string outcome)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageProviderQuality);
        await using var db = await dbFactory.CreateDbContextAsync();
        var entry = await db.IntelligenceEntries
            .FirstOrDefaultAsync(e => e.Id == entryId && db.Providers.Any(p => p.Id == e.ProviderId && p.LeadOrganisationId == me.OrganisationId));
        if (entry is null)
            return ServiceResult.Fail("That entry is not in your organisation's register.");
        db.ExpectVersion(entry, version);
        return await db.TrySaveAsync(() => entry.RecordOutcome(outcome));
    }

    /// <summary>Everything about a provider on one timeline; a fixed number of queries whatever its length.</summary>
    public async Task<IReadOnlyList<TimelineItem>> TimelineAsync(Guid providerId, int take = 200)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewProviders);
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Providers.AnyAsync(p => p.Id == providerId && p.LeadOrganisationId == me.OrganisationId))
            return [];

        var items = new List<TimelineItem>();
        var entries = await db.IntelligenceEntries.AsNoTracking().Where(e => e.ProviderId == providerId)
            .OrderByDescending(e => e.OccurredOn).Take(take).ToListAsync();
        items.AddRange(entries.Select(e => new TimelineItem(e.OccurredOn, TimelineKind.Intelligence, e.Kind.Describe(), e.Summary,
            Detail(e), null)));

        var sheets = await db.ObservationSheets.AsNoTracking().Where(s => s.ProviderId == providerId)
            .OrderByDescending(s => s.DateOfVisit).Take(take)
            .Select(s => new { s.Id, s.DateOfVisit, s.VisitCompletedByName, s.VisitCompletedByOrganisation, No = s.Answers.Count(a => a.Yes == false) })
            .ToListAsync();
        items.AddRange(sheets.Select(s => new TimelineItem(s.DateOfVisit, TimelineKind.ObservationSheet, "Observation sheet",
            $"Visit by {s.VisitCompletedByName}{(s.VisitCompletedByOrganisation is null ? "" : $", {s.VisitCompletedByOrganisation}")}",
            $"{s.No} question(s) answered No", $"/providers/inbox/{s.Id}")));

        var processes = await db.QualityProcesses.AsNoTracking().IgnoreAutoIncludes().Where(q => q.ProviderId == providerId)
            .Select(q => new
            {
                q.Id,
                Decisions = q.Decisions.Select(d => new { d.DecidedOn, d.Stage, d.Text }).ToList(),
            }).ToListAsync();
        var processIds = processes.Select(p => p.Id).ToList();
        var meetings = await db.Set<ProcessMeeting>().AsNoTracking().Where(m => processIds.Contains(m.ProcessId) && m.HeldOn != null)
            .Select(m => new { m.ProcessId, m.Kind, m.HeldOn, m.ChairName }).ToListAsync();
        foreach (var p in processes)
            items.AddRange(p.Decisions.Select(d => new TimelineItem(d.DecidedOn, TimelineKind.Decision, d.Stage.Describe(), d.Text, null, $"/providers/process/{p.Id}")));
        items.AddRange(meetings.Select(m => new TimelineItem(m.HeldOn!.Value, TimelineKind.Meeting, "Meeting held", m.Kind.Describe(),
            $"Chair: {m.ChairName}", $"/providers/process/{m.ProcessId}")));

        return items.OrderByDescending(i => i.Date).ThenBy(i => i.Kind).Take(take).ToList();
    }

    private static string? Detail(IntelligenceEntry e)
    {
        var parts = new List<string>();
        if (e.Source is not null) parts.Add($"Source: {e.Source}");
        if (e.CqcRating is { } rating) parts.Add($"CQC rating: {rating.Describe()}");
        if (e.PammsRatings.Count > 0) parts.Add(string.Join("; ", e.PammsRatings.OrderBy(r => r.Domain).Select(r => $"{r.Domain.Describe()}: {r.Rating.Describe()}")));
        if (e.Outcome is not null) parts.Add($"Outcome: {e.Outcome}");
        return parts.Count == 0 ? null : string.Join(". ", parts);
    }
}
