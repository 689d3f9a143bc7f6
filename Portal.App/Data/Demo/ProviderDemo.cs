using Microsoft.EntityFrameworkCore;
using Portal.App.Features.Providers;
using Portal.Core.Calendar;
using Portal.Core.Organisations;
using Portal.Core.Providers;

namespace Portal.App.Data.Demo;

/// <summary>
/// Demo providers in Central Bedfordshire's register with a process at every stage, observation sheets and
/// intelligence, built through Core so every rule holds. Idempotent: does nothing once the register has them.
/// Dates are relative to today so the deadline board always has something due, due soon and overdue.
/// </summary>
public sealed class ProviderDemo(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string Lead = "Central Bedfordshire Council";
    private const string Officer = "Grace Okafor";
    private const string Chair = "Sam Hughes";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lead = await db.Organisations.SingleAsync(o => o.Name == Lead, cancellationToken);
        if (await db.Providers.AnyAsync(p => p.LeadOrganisationId == lead.Id, cancellationToken))
            return;

        var owner = await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationKind.CareProvider, cancellationToken);
        var users = await db.Users.Where(u => u.OrganisationId != null).ToDictionaryAsync(u => u.Email, cancellationToken);
        var grace = users[DemoData.EmailFor(PortalRole.QualityLead)];
        var vic = users[DemoData.EmailFor(PortalRole.VisitingProfessional)];
        var beth = users[DemoData.EmailFor(PortalRole.BusinessSupport)];
        var cal = await WorkingCalendar.LoadAsync(db, cancellationToken);
        var today = WorkingCalendar.UkToday(clock);
        var now = clock.GetUtcNow();
        DateTime At(DateOnly d, int hour = 10) => d.ToDateTime(new TimeOnly(hour, 0));

        Provider P(string name, ProviderKind kind, string street, string town, string postcode, string? cqc, string? manager, CqcRating? rating)
        {
            var p = new Provider(lead.Id, name, kind, street, null, town, postcode, $"{name.Split(' ')[0]} Care Group Ltd", "Central Bedfordshire Council; BLMK ICB");
            p.UpdateContacts(cqc, manager, "Priory Gardens Surgery", name == "Meadow View Care Home" ? owner?.Id : null);
            if (rating is { } r) p.RecordCqcRating(r, today.AddMonths(-8));
            db.Providers.Add(p);
            return p;
        }

        var meadow = P("Meadow View Care Home", ProviderKind.CareHomeWithNursing, "12 Priory Road", "Dunstable", "LU5 4HR", "1-101234567", "Ann Lee", CqcRating.RequiresImprovement);
        var oakwood = P("Oakwood House", ProviderKind.CareHomeWithoutNursing, "3 Oak Lane", "Leighton Buzzard", "LU7 1AA", "1-102345678", "Raj Mehta", CqcRating.Good);
        var riverside = P("Riverside Lodge", ProviderKind.CareHomeWithoutNursing, "8 Mill Street", "Biggleswade", "SG18 8AB", "1-103456789", "Joan Fry", CqcRating.RequiresImprovement);
        var brookfield = P("Brookfield Home Care", ProviderKind.HomeCareAgency, "Unit 4, Station Yard", "Sandy", "SG19 1AA", "1-104567890", "Lee Park", CqcRating.RequiresImprovement);
        var willow = P("Willow Court", ProviderKind.CareHomeWithNursing, "21 Church Street", "Ampthill", "MK45 2EH", "1-105678901", "Sue Dent", CqcRating.Good);
        var elm = P("Elm Tree Supported Living", ProviderKind.SupportedLiving, "5 Elm Close", "Flitwick", "MK45 1AA", "1-106789012", "Tom Hale", CqcRating.Good);
        var harbour = P("Harbour House", ProviderKind.CareHomeWithNursing, "40 High Street", "Houghton Regis", "LU5 5AA", "1-107890123", "Kim Ross", CqcRating.Inadequate);
        P("Sunrise Day Centre", ProviderKind.DayService, "1 Park Road", "Dunstable", "LU6 3AA", null, "Ben Cole", null);

        // Intelligence and observation sheets.
        var pamms = Enum.GetValues<PammsDomain>().ToDictionary(d => d, d => d is PammsDomain.SafeguardingAndSafety or PammsDomain.QualityOfManagement ? PammsRating.Poor : PammsRating.RequiresImprovement);
        db.IntelligenceEntries.Add(new IntelligenceEntry(meadow, IntelligenceKind.PammsAssessment, today.AddMonths(-5), "Annual PAMMS monitoring visit with the ICB.", null, "Contracts team", null, pamms, grace.Id, Officer, now));
        db.IntelligenceEntries.Add(new IntelligenceEntry(meadow, IntelligenceKind.SafeguardingConcern, today.AddMonths(-4), "Resident found on the floor overnight; no falls risk assessment.", "Substantiated: neglect.", "Adult safeguarding team", null, null, grace.Id, Officer, now));
        db.IntelligenceEntries.Add(new IntelligenceEntry(meadow, IntelligenceKind.Whistleblowing, today.AddMonths(-3), "Night staff report two carers on shift for 38 residents.", null, "CQC", null, null, grace.Id, Officer, now));
        db.IntelligenceEntries.Add(new IntelligenceEntry(oakwood, IntelligenceKind.Complaint, today.AddDays(-20), "Family complaint about missed medication.", null, "Customer relations", null, null, grace.Id, Officer, now));
        db.ObservationSheets.Add(new ObservationSheet(meadow, null, today.AddDays(-2), vic.Id, vic.DisplayName, vic.JobTitle, "Bedfordshire Police", vic.Id, false,
        [
            new(1, null, "Lounge quiet; several residents without drinks.", null),
            new(5, false, null, "Three of the five people I saw had no drink within reach."),
            new(13, true, null, "Call bells rang for over ten minutes in the east wing."),
            new(16, false, null, "Nobody could tell me who was in charge."),
        ], now));
        db.ObservationSheets.Add(new ObservationSheet(null, "The Laurels, Dunstable", today.AddDays(-6), null, "Dr Amy Khan", "GP", "Priory Gardens Surgery", beth.Id, true,
            [new(2, true, null, null), new(12, true, null, "Staff kind and patient.")], now));

        // Prevention.
        db.QualityProcesses.Add(new QualityProcess(oakwood, "Medication errors reported by two families.", today.AddDays(-20), Officer));

        // Quality Assurance Meetings: one held, the second arranged (its provider action plan due soon).
        var qa = new QualityProcess(riverside, "Staffing shortfalls and late care plan reviews.", today.AddDays(-70), Officer);
        qa.EscalateToQualityAssurance(today.AddDays(-60), "Concerns not remedied after advice from the contracts team.", Officer);
        Qam(qa, today.AddDays(-30), today.AddDays(-45), today.AddDays(-25));
        var next = qa.ScheduleMeeting(MeetingKind.QualityAssurance, At(cal.AddWorkingDays(today, 3)), "Priory House, Chicksands", Officer, null, cal);
        next.RecordSeniorManagementTold(today.AddDays(-14));
        db.QualityProcesses.Add(qa);

        // MDMM arranged: three of the four quorum roles confirmed, GP not yet notified.
        var md = new QualityProcess(brookfield, "Missed and late home care calls; two safeguarding enquiries.", today.AddDays(-120), Officer);
        md.EscalateToQualityAssurance(today.AddDays(-110), "Missed calls continued.", Officer);
        Qam(md, today.AddDays(-90), today.AddDays(-105), today.AddDays(-86));
        Qam(md, today.AddDays(-40), today.AddDays(-55), today.AddDays(-35));
        md.EscalateToMdmm(today.AddDays(-10), "Action plan not delivered; missed calls continue.", Officer);
        var mdmm = md.ScheduleMeeting(MeetingKind.MultiAgencyDecision, At(cal.AddWorkingDays(today, 2), 14), "Priory House, Chicksands", Chair, null, cal);
        mdmm.AddAttendee(Chair, "Head of Service (Commissioning), ACS", MdmmQuorumRole.AcsHeadOfServiceCommissioning);
        mdmm.AddAttendee("Olu Ade", "Head of Operations, ACS", MdmmQuorumRole.AcsHeadOfOperations);
        mdmm.AddAttendee("Chris Lane", "Head of Adult Safeguarding, ICB", MdmmQuorumRole.CcgHeadOfAdultSafeguarding);
        md.AddThresholdEvidence(ThresholdIndicator.SafeguardingConcernsIndicateSignificantRisk, "Two safeguarding enquiries in three months about missed calls.", Officer, today.AddDays(-9));
        db.QualityProcesses.Add(md);

        // Safety and Improvement Process: triggered 8 working days ago; first meeting held; minutes due.
        var si = Triggered(meadow, cal.AddWorkingDays(today, -8), "Falls at night, low staffing, poor PAMMS scores.");
        var first = si.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, At(cal.AddWorkingDays(today, -2)), "Priory House, Chicksands", Chair, null, cal);
        si.MarkMeetingHeld(first.Id, today);
        first.AddAttendee(Chair, "Chair, Head of Service", null);
        first.AddAttendee("Ann Lee", "Registered Manager, Meadow View", null);
        first.AddReportReceived("Summary of safeguarding enquiries and outcomes", "Adult safeguarding team", cal.AddWorkingDays(today, -3));
        first.RecordMinutes("Part one: partners' reports on the enquiries and the police update.", "Part two: provider presented its service improvement plan; agreed weekly falls audit.", null, null, cal);
        var mdmmMeadow = si.Meetings.Single(m => m.Kind == MeetingKind.MultiAgencyDecision);
        var signed = si.AddRiskRow(mdmmMeadow.Id, mdmmMeadow.Date, "Number of safeguarding issues", "Residents mobilising without carers and falling",
            "Review team to go out and complete review of care plans and identify risk assessments");
        si.ReviewRiskRow(signed.Id, first.Id, first.Date, "Reviews completed. Action for Home to update care plans");
        si.SignOffRiskRow(signed.Id, Chair, now);
        si.AddRiskRow(first.Id, first.Date, "Night staffing below assessed need", "Residents not repositioned; pressure damage", "Provider to use agency staff until two waking night staff per floor");
        si.RecordProviderFormallyNotified(mdmmMeadow.Date.AddDays(1));
        first.AnswerChecklist(1, true, "Director of Adult Social Care briefed.");
        first.AnswerChecklist(4, true, "Luton and Bedford Borough told of their placements.");
        first.AnswerChecklist(10, false, "Self-funder letters to go out next week.");
        db.QualityProcesses.Add(si);

        // Over six months: must be reported to SQIG and the HSAB Board.
        var old = Triggered(harbour, today.AddMonths(-7), "Inadequate CQC rating; repeated pressure damage.");
        var oldFirst = old.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, At(cal.AddWorkingDays(old.TriggeredOn!.Value, 8)), "Priory House, Chicksands", Chair, null, cal);
        old.MarkMeetingHeld(oldFirst.Id, today);
        oldFirst.RecordMinutes("Part one.", "Part two.", cal.AddWorkingDays(oldFirst.Date, 4), null, cal);
        db.QualityProcesses.Add(old);

        // Closure: concluded three weeks ago; Reflection and Learning to arrange.
        var closing = Triggered(willow, today.AddMonths(-3), "Medication administration errors.");
        var wFirst = closing.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, At(cal.AddWorkingDays(closing.TriggeredOn!.Value, 7)), "Priory House, Chicksands", Chair, null, cal);
        closing.MarkMeetingHeld(wFirst.Id, today);
        wFirst.RecordMinutes("Part one.", "Part two.", cal.AddWorkingDays(wFirst.Date, 3), null, cal);
        var wLast = closing.ScheduleMeeting(MeetingKind.SafetyAndImprovementReconvened, At(today.AddDays(-21)), "Priory House, Chicksands", Chair, null, cal);
        closing.MarkMeetingHeld(wLast.Id, today);
        closing.Conclude(wLast.Id, "Medication audits clean for eight weeks; CQC follow-up positive.", Officer);
        db.QualityProcesses.Add(closing);

        // Completed, with Reflection and Learning chaired independently.
        var done = Triggered(elm, today.AddMonths(-6), "Restrictive practice concerns.");
        var eFirst = done.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, At(cal.AddWorkingDays(done.TriggeredOn!.Value, 6)), "Priory House, Chicksands", Chair, null, cal);
        done.MarkMeetingHeld(eFirst.Id, today);
        done.Conclude(eFirst.Id, "Positive behaviour support plans in place for everyone.", Officer);
        var reflection = done.ScheduleMeeting(MeetingKind.ReflectionAndLearning, At(eFirst.Date.AddDays(20)), "Priory House, Chicksands", "Dana Whitfield (independent chair)", null, cal);
        done.MarkMeetingHeld(reflection.Id, today);
        done.Complete(reflection.Date.AddDays(5), Officer);
        db.QualityProcesses.Add(done);

        await db.SaveChangesAsync(cancellationToken);

        void Qam(QualityProcess p, DateOnly on, DateOnly told, DateOnly sent)
        {
            var m = p.ScheduleMeeting(MeetingKind.QualityAssurance, At(on), "Priory House, Chicksands", Officer, null, cal);
            m.RecordSeniorManagementTold(told);
            m.RecordProviderActionPlanReceived(At(on.AddDays(-3), 9));
            p.MarkMeetingHeld(m.Id, today);
            m.RecordActionsSent(sent);
        }

        QualityProcess Triggered(Provider provider, DateOnly triggeredOn, string summary)
        {
            var p = new QualityProcess(provider, summary, triggeredOn.AddDays(-120), Officer);
            p.EscalateToQualityAssurance(triggeredOn.AddDays(-110), "Concerns not remedied after preventative support.", Officer);
            Qam(p, triggeredOn.AddDays(-90), triggeredOn.AddDays(-105), triggeredOn.AddDays(-85));
            Qam(p, triggeredOn.AddDays(-40), triggeredOn.AddDays(-55), triggeredOn.AddDays(-35));
            p.EscalateToMdmm(triggeredOn.AddDays(-20), "Concerns not remedied at the QAMs.", Officer);
            var m = p.ScheduleMeeting(MeetingKind.MultiAgencyDecision, At(triggeredOn, 14), "Priory House, Chicksands", Chair, null, cal);
            m.RecordGpPracticeNotified(triggeredOn.AddDays(-3));
            p.MarkMeetingHeld(m.Id, today);
            m.AddAttendee(Chair, "Head of Service (Commissioning), ACS", MdmmQuorumRole.AcsHeadOfServiceCommissioning);
            m.AddAttendee("Olu Ade", "Head of Operations, ACS", MdmmQuorumRole.AcsHeadOfOperations);
            m.AddAttendee("Chris Lane", "Head of Adult Safeguarding, ICB", MdmmQuorumRole.CcgHeadOfAdultSafeguarding);
            m.AddAttendee("Jo Reid", "Consultant Nurse, ELFT", MdmmQuorumRole.HpftServiceLineLeadOrConsultantNurse);
            p.AddThresholdEvidence(ThresholdIndicator.PatternsWithoutRemedialAction, summary, Officer, triggeredOn);
            p.RecordThresholdDecision(m.Id, true, summary, Chair, Officer);
            m.RecordProviderInformed(triggeredOn.AddDays(1));
            return p;
        }
    }
}
