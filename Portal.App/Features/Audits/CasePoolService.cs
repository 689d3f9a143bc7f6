using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Data;
using Portal.Core;
using Portal.Core.Audits;
using Portal.Core.Audits.Sampling;

namespace Portal.App.Features.Audits;

/// <summary>
/// A cycle's case pool: importing the case list extract, drawing the random sample, verifying it from its
/// seed, and adding or replacing cases by hand with a recorded reason.
/// </summary>
public sealed class CasePoolService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The columns of the case list extract, in the order the template spreadsheet has them.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["Record id", "Person (initials or pseudonymous id)", "Practitioner", "Practitioner email", "Team", "Service", "Type of work", "Date of work"];

    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Record id"] = ["Record id", "Record ID", "Mosaic id", "RiO id", "RiO number", "Case id", "External record id"],
        ["Person (initials or pseudonymous id)"] = ["Person (initials or pseudonymous id)", "Person", "Initials", "Pseudonymous id", "Person id"],
        ["Practitioner"] = ["Practitioner", "Worker", "Practitioner name"],
        ["Practitioner email"] = ["Practitioner email", "Worker email", "Email"],
        ["Team"] = ["Team"],
        ["Service"] = ["Service"],
        ["Type of work"] = ["Type of work", "Work type", "Activity"],
        ["Date of work"] = ["Date of work", "Date", "Work date", "Activity date"],
    };

    public sealed record ImportRow(int RowNumber, IReadOnlyDictionary<string, string?> Cells);

    public sealed record PreviewRow(int RowNumber, string? RecordId, string? PersonRef, string? Practitioner, string? Team, string? Service,
        string? WorkType, DateOnly? WorkDate, bool PractitionerIsPortalUser, IReadOnlyList<string> Errors);

    public sealed record ImportPreview(IReadOnlyList<PreviewRow> Rows, IReadOnlyList<string> MissingColumns)
    {
        public int Valid => Rows.Count(r => r.Errors.Count == 0);
        public int Invalid => Rows.Count(r => r.Errors.Count > 0);
        public bool CanImport => MissingColumns.Count == 0 && Rows.Count > 0 && Invalid == 0;
    }

    public sealed record PoolRow(Guid Id, int Version, string ExternalRecordId, string PersonRef, string PractitionerName, string TeamName, string Service,
        string WorkType, DateOnly WorkDate, CaseSelection Selection, string? SelectionNote, string? ManualReason, DateOnly? LastAuditedOn,
        bool WorkerInPreviousCycle, bool Allocated);

    public sealed record DrawSummary(long Seed, int Selected, int Excluded, int NotSelected, int Shortfall, IReadOnlyList<StratumQuota> Strata);

    /// <summary>Checks the rows without writing anything: row-level errors and duplicates.</summary>
    public async Task<ImportPreview> PreviewAsync(Guid cycleId, IReadOnlyList<string> headers, IReadOnlyList<ImportRow> rows,
        IReadOnlyDictionary<int, IReadOnlyList<string>>? readErrors = null)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await BuildPreviewAsync(db, me, cycleId, headers, rows, readErrors);
    }

    /// <summary>Previews an uploaded .xlsx or .csv case list. File-level problems come back as missing columns / messages.</summary>
    public async Task<(ImportPreview Preview, IReadOnlyList<string> FileErrors)> PreviewFileAsync(Guid cycleId, Portal.Core.Import.ImportFile file)
    {
        await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        var read = await CaseListFile.ReadAsync(file);
        if (read.FileErrors.Count > 0)
            return (new ImportPreview([], []), read.FileErrors);
        return (await PreviewAsync(cycleId, Columns, read.Rows, read.RowErrors), []);
    }

    /// <summary>Imports an uploaded case list if, and only if, every row is valid.</summary>
    public async Task<(ServiceResult Result, int Imported)> ImportFileAsync(Guid cycleId, Portal.Core.Import.ImportFile file)
    {
        await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        var read = await CaseListFile.ReadAsync(file);
        if (read.FileErrors.Count > 0)
            return (ServiceResult.Fail(string.Join(" ", read.FileErrors)), 0);
        if (read.RowErrors.Count > 0)
            return (ServiceResult.Fail($"{read.RowErrors.Count} row(s) have errors. Correct the file and try again; nothing was imported."), 0);
        return await ImportAsync(cycleId, Columns, read.Rows);
    }

    /// <summary>Imports the rows only if every row is valid; otherwise nothing is written.</summary>
    public async Task<(ServiceResult Result, int Imported)> ImportAsync(Guid cycleId, IReadOnlyList<string> headers, IReadOnlyList<ImportRow> rows)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycle = await db.AuditCycles.FirstOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == me.OrganisationId);
        if (cycle is null)
            return (ServiceResult.Fail("That cycle no longer exists."), 0);
        var preview = await BuildPreviewAsync(db, me, cycleId, headers, rows);
        if (!preview.CanImport)
            return (ServiceResult.Fail(preview.MissingColumns.Count > 0
                ? $"The file is missing these columns: {string.Join(", ", preview.MissingColumns)}."
                : $"{preview.Invalid} row(s) have errors. Correct the file and try again; nothing was imported."), 0);
        var teams = await TeamsAsync(db, me.RequireOrganisation());
        var users = await UsersByEmailAsync(db, me.RequireOrganisation());
        var result = await db.TrySaveAsync(() =>
        {
            foreach (var r in preview.Rows)
            {
                var email = Cell(rows.First(x => x.RowNumber == r.RowNumber), headers, "Practitioner email");
                var team = teams[r.Team!];
                db.AuditCases.Add(new AuditCase(cycle, r.RecordId!, r.PersonRef!, r.Practitioner!, email,
                    email is not null && users.TryGetValue(email, out var uid) ? uid : null, team.Id, team.Name, r.Service!, r.WorkType!, r.WorkDate!.Value));
            }
        });
        return (result, result.Succeeded ? preview.Rows.Count : 0);
    }

    public async Task<(IReadOnlyList<PoolRow> Rows, int Total)> ListAsync(Guid cycleId, CaseSelection? selection, string? search, int skip, int take)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cases = db.AuditCases.AsNoTracking().Where(c => c.CycleId == cycleId && c.OrganisationId == me.OrganisationId);
        if (selection is { } s)
            cases = s is CaseSelection.Selected
                ? cases.Where(c => c.Selection == CaseSelection.Selected || c.Selection == CaseSelection.AddedManually)
                : cases.Where(c => c.Selection == s);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            cases = cases.Where(c => c.ExternalRecordId.ToLower().Contains(term) || c.PractitionerName.ToLower().Contains(term) || c.TeamName.ToLower().Contains(term));
        }
        var total = await cases.CountAsync();
        var rows = await cases.OrderBy(c => c.TeamName).ThenBy(c => c.ExternalRecordId).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(c => new PoolRow(c.Id, c.Version, c.ExternalRecordId, c.PersonRef, c.PractitionerName, c.TeamName, c.Service, c.WorkType, c.WorkDate,
                c.Selection, c.SelectionNote, c.ManualReason, c.LastAuditedOn, c.WorkerInPreviousCycle, c.AuditId != null))
            .ToListAsync();
        return (rows, total);
    }

    /// <summary>
    /// Draws the sample. The seed is random unless given (e.g. chosen in a meeting so everyone can witness it);
    /// it is stored with the cycle so anyone can re-derive the selection later.
    /// </summary>
    public async Task<(ServiceResult Result, DrawSummary? Summary)> DrawAsync(Guid cycleId, int version, long? seed = null)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycle = await db.AuditCycles.FirstOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == me.OrganisationId);
        if (cycle is null)
            return (ServiceResult.Fail("That cycle no longer exists."), null);
        var cases = await db.AuditCases.Where(c => c.CycleId == cycleId).ToListAsync();
        if (cases.Count == 0)
            return (ServiceResult.Fail("Import the case list before drawing the sample."), null);

        var history = await LastAuditedAsync(db, cycle, cases.Select(c => c.ExternalRecordId).Distinct().ToList());
        var previousWorkers = await PreviousCycleWorkersAsync(db, cycle);
        var chosenSeed = seed ?? BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        SampleResult? drawn = null;
        db.ExpectVersion(cycle, version);
        var result = await db.TrySaveAsync(() =>
        {
            cycle.RecordSampleDrawn(chosenSeed, me.UserId, clock.GetUtcNow());
            foreach (var c in cases)
                c.RecordHistory(history.TryGetValue(c.ExternalRecordId.Trim().ToUpperInvariant(), out var d) ? d : null, previousWorkers.Contains(c.PractitionerKey));
            drawn = CaseSampler.Draw(cases.Select(c => c.ToCandidate()).ToList(), Rules(cycle), chosenSeed);
            foreach (var c in cases)
                c.ApplyDraw(drawn.For(c.Id));
        });
        if (!result.Succeeded)
            return (result, null);
        return (result, new DrawSummary(chosenSeed, drawn!.SelectedIds.Count, drawn.Outcomes.Count(o => o.Decision == SampleDecision.Excluded),
            drawn.Outcomes.Count(o => o.Decision == SampleDecision.NotSelected), drawn.Shortfall, drawn.Strata));
    }

    /// <summary>Re-runs the draw from the stored seed and facts; returns the record ids whose stored result differs (none when it verifies).</summary>
    public async Task<(bool Verified, IReadOnlyList<string> Differences)> VerifyAsync(Guid cycleId)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ViewAuditReports);
        await using var db = await dbFactory.CreateDbContextAsync();
        var cycle = await db.AuditCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == me.OrganisationId);
        if (cycle?.SampleSeed is not { } seed)
            return (false, ["The sample has not been drawn."]);
        var cases = await db.AuditCases.AsNoTracking().Where(c => c.CycleId == cycleId && c.DrawnByLot != null).ToListAsync();
        var diff = CaseSampler.Verify(cases.Select(c => c.ToCandidate()).ToList(), Rules(cycle), seed, cases.Where(c => c.DrawnByLot == true).Select(c => c.Id).ToHashSet());
        return (diff.Count == 0, cases.Where(c => diff.Contains(c.Id)).Select(c => c.ExternalRecordId).ToList());
    }

    public async Task<ServiceResult> AddAsync(Guid caseId, int version, string reason)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var c = await db.AuditCases.FirstOrDefaultAsync(x => x.Id == caseId && x.OrganisationId == me.OrganisationId);
        if (c is null)
            return ServiceResult.Fail("That case is no longer in the pool.");
        db.ExpectVersion(c, version);
        return await db.TrySaveAsync(() => c.AddToSample(reason, me.UserId, clock.GetUtcNow()));
    }

    public async Task<ServiceResult> RemoveAsync(Guid caseId, int version, string reason)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var c = await db.AuditCases.FirstOrDefaultAsync(x => x.Id == caseId && x.OrganisationId == me.OrganisationId);
        if (c is null)
            return ServiceResult.Fail("That case is no longer in the pool.");
        db.ExpectVersion(c, version);
        return await db.TrySaveAsync(() => c.RemoveFromSample(reason, me.UserId, clock.GetUtcNow()));
    }

    /// <summary>Takes one case out of the sample and puts another from the same cycle in, with one recorded reason.</summary>
    public async Task<ServiceResult> ReplaceAsync(Guid outCaseId, Guid inCaseId, string reason)
    {
        var me = await currentUser.AuthorizeAsync(Policies.ManageAuditCycles);
        await using var db = await dbFactory.CreateDbContextAsync();
        var both = await db.AuditCases.Where(x => (x.Id == outCaseId || x.Id == inCaseId) && x.OrganisationId == me.OrganisationId).ToListAsync();
        var outgoing = both.FirstOrDefault(x => x.Id == outCaseId);
        var incoming = both.FirstOrDefault(x => x.Id == inCaseId);
        if (outgoing is null || incoming is null || outgoing.CycleId != incoming.CycleId)
            return ServiceResult.Fail("Choose two cases from the same cycle's pool.");
        var now = clock.GetUtcNow();
        return await db.TrySaveAsync(() =>
        {
            outgoing.RemoveFromSample(reason, me.UserId, now);
            incoming.AddToSample(reason, me.UserId, now, outgoing.Id);
        });
    }

    private static SampleRules Rules(AuditCycle cycle) => new(cycle.SampleSize, cycle.ExclusionMonths, cycle.AvoidSameWorker, cycle.PeriodStart);

    /// <summary>When each record was last allocated for audit in another cycle of this organisation (keyed by upper-case record id).</summary>
    private static async Task<Dictionary<string, DateOnly>> LastAuditedAsync(PortalDbContext db, AuditCycle cycle, List<string> recordIds)
    {
        var audits = await db.CaseAudits.AsNoTracking()
            .Where(a => a.OrganisationId == cycle.OrganisationId && a.CycleId != cycle.Id && recordIds.Contains(a.ExternalRecordId))
            .Select(a => new { a.ExternalRecordId, a.AllocatedAt, a.CompletedAt })
            .ToListAsync();
        return audits.GroupBy(a => a.ExternalRecordId.Trim().ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.Max(a => DateOnly.FromDateTime((a.CompletedAt ?? a.AllocatedAt).UtcDateTime)));
    }

    /// <summary>The workers sampled in the most recent earlier cycle of the same kind.</summary>
    private static async Task<HashSet<string>> PreviousCycleWorkersAsync(PortalDbContext db, AuditCycle cycle)
    {
        var previousId = await db.AuditCycles.AsNoTracking()
            .Where(c => c.OrganisationId == cycle.OrganisationId && c.Kind == cycle.Kind && c.Id != cycle.Id && c.PeriodStart < cycle.PeriodStart && c.SampleSeed != null)
            .OrderByDescending(c => c.PeriodStart).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (previousId is null)
            return [];
        var workers = await db.AuditCases.AsNoTracking()
            .Where(c => c.CycleId == previousId && (c.Selection == CaseSelection.Selected || c.Selection == CaseSelection.AddedManually))
            .Select(c => new { c.PractitionerEmail, c.PractitionerName }).ToListAsync();
        return workers.Select(w => w.PractitionerEmail ?? w.PractitionerName.Trim().ToLowerInvariant()).ToHashSet();
    }

    private async Task<ImportPreview> BuildPreviewAsync(PortalDbContext db, UserContext me, Guid cycleId, IReadOnlyList<string> headers, IReadOnlyList<ImportRow> rows,
        IReadOnlyDictionary<int, IReadOnlyList<string>>? readErrors = null)
    {
        var org = me.RequireOrganisation();
        var cycle = await db.AuditCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.OrganisationId == org)
            ?? throw new UnauthorizedAccessException("That cycle is not in your organisation.");
        var missing = Columns.Where(c => c != "Practitioner email" && Header(headers, c) is null).ToList();
        if (missing.Count > 0)
            return new ImportPreview([], missing);
        var teams = await TeamsAsync(db, org);
        var users = await UsersByEmailAsync(db, org);
        var existing = (await db.AuditCases.AsNoTracking().Where(c => c.CycleId == cycleId).Select(c => c.ExternalRecordId).ToListAsync())
            .Select(r => r.Trim().ToUpperInvariant()).ToHashSet();
        var firstRowOf = new Dictionary<string, int>();
        var preview = new List<PreviewRow>();
        foreach (var row in rows)
        {
            if (readErrors is not null && readErrors.TryGetValue(row.RowNumber, out var problems))
            {
                // The reader already explained what is wrong with this row's cells.
                preview.Add(new PreviewRow(row.RowNumber, Cell(row, headers, "Record id"), null, Cell(row, headers, "Practitioner"), Cell(row, headers, "Team"),
                    null, null, null, false, problems));
                continue;
            }
            var errors = new List<string>();
            string? Required(string column)
            {
                var value = Cell(row, headers, column);
                if (value is null)
                    errors.Add($"{column} is empty.");
                return value;
            }
            var recordId = Required("Record id");
            var person = Required("Person (initials or pseudonymous id)");
            var practitioner = Required("Practitioner");
            var email = Cell(row, headers, "Practitioner email");
            var teamName = Required("Team");
            var service = Cell(row, headers, "Service");
            var workType = Required("Type of work");
            var dateText = Required("Date of work");
            DateOnly? date = null;
            if (dateText is not null)
            {
                date = ParseDate(dateText);
                if (date is null)
                    errors.Add($"Date of work \"{dateText}\" is not a date (use dd/mm/yyyy).");
                else if (date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                    errors.Add("Date of work is in the future.");
            }
            if (teamName is not null && !teams.ContainsKey(teamName))
                errors.Add($"\"{teamName}\" is not a team in your organisation.");
            service ??= teamName is not null && teams.TryGetValue(teamName, out var t) ? t.Service : null;
            if (service is null)
                errors.Add("Service is empty.");
            if (person is not null)
                Catch(errors, () => AuditCase.CheckPersonRef(person));
            if (recordId is not null)
            {
                Check(errors, recordId, "Record id", AuditCase.ExternalRecordIdMaxLength);
                var key = recordId.ToUpperInvariant();
                if (existing.Contains(key))
                    errors.Add($"Record {recordId} is already in this cycle's pool.");
                else if (firstRowOf.TryGetValue(key, out var first))
                    errors.Add($"Record {recordId} is a duplicate of row {first}.");
                else
                    firstRowOf[key] = row.RowNumber;
            }
            Check(errors, practitioner, "Practitioner", AuditCase.PractitionerNameMaxLength);
            Check(errors, workType, "Type of work", AuditCase.WorkTypeMaxLength);
            if (email is not null && !email.Contains('@'))
                errors.Add($"Practitioner email \"{email}\" is not an email address.");
            preview.Add(new PreviewRow(row.RowNumber, recordId, person, practitioner, teamName, service, workType, date,
                email is not null && users.ContainsKey(email), errors));
        }
        _ = cycle;
        return new ImportPreview(preview, []);
    }

    private static void Check(List<string> errors, string? value, string name, int max)
    {
        if (value is not null && value.Length > max)
            errors.Add($"{name} must be {max} characters or fewer.");
    }

    private static void Catch(List<string> errors, Action check)
    {
        try { check(); }
        catch (DomainRuleException ex) { errors.Add(ex.Message); }
    }

    private static async Task<Dictionary<string, (Guid Id, string Name, string? Service)>> TeamsAsync(PortalDbContext db, Guid org) =>
        (await db.Teams.AsNoTracking().Where(t => t.OrganisationId == org && t.IsActive).Select(t => new { t.Id, t.Name, t.Service }).ToListAsync())
        .ToDictionary(t => t.Name, t => (t.Id, t.Name, t.Service), StringComparer.OrdinalIgnoreCase);

    private static async Task<Dictionary<string, Guid>> UsersByEmailAsync(PortalDbContext db, Guid org) =>
        (await db.Users.AsNoTracking().Where(u => u.OrganisationId == org).Select(u => new { u.Email, u.Id }).ToListAsync())
        .ToDictionary(u => u.Email, u => u.Id, StringComparer.OrdinalIgnoreCase);

    private static string? Header(IReadOnlyList<string> headers, string column) =>
        headers.FirstOrDefault(h => Aliases[column].Any(a => string.Equals(a, h.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static string? Cell(ImportRow row, IReadOnlyList<string> headers, string column)
    {
        var header = Header(headers, column);
        if (header is null || !row.Cells.TryGetValue(header, out var value))
            return null;
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy"];

    public static DateOnly? ParseDate(string text)
    {
        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var d))
            return d;
        if (DateTime.TryParse(text, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var dt))
            return DateOnly.FromDateTime(dt);
        // A spreadsheet date that arrives as its serial number (days since 30 December 1899).
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(Math.Floor(serial)));
        return null;
    }
}
