using Portal.Core.Calendar;
using Portal.Core.Providers;

namespace Portal.Tests.Core.Providers;

/// <summary>Walks a process through the seed's stages with realistic dates, for tests that start further on.</summary>
internal static class ProcessBuilder
{
    public static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    public const string Officer = "Grace Okafor";
    public const string ProcessChair = "Sam Hughes";

    public static Provider Provider() =>
        new(Guid.NewGuid(), "Meadow View Care Home", ProviderKind.CareHomeWithNursing, "1 Six Hills Way", null, "Stevenage", "sg12fq",
            "Meadow View Care Home Ltd", "Hertfordshire County Council; East and North Herts CCG");

    public static QualityProcess InPrevention() => new(Provider(), "Several safeguarding concerns about falls at night.", new DateOnly(2026, 1, 5), Officer);

    public static QualityProcess InQualityAssurance()
    {
        var p = InPrevention();
        p.EscalateToQualityAssurance(new DateOnly(2026, 1, 6), "Falls continue after preventative advice.", Officer);
        return p;
    }

    public static ProcessMeeting HoldQam(QualityProcess p, DateTime at)
    {
        var m = p.ScheduleMeeting(MeetingKind.QualityAssurance, at, "Farnham House", Officer, null, Calendar);
        m.RecordSeniorManagementTold(DateOnly.FromDateTime(at).AddDays(-14));
        p.MarkMeetingHeld(m.Id, DateOnly.FromDateTime(at));
        return m;
    }

    public static QualityProcess AtMdmm()
    {
        var p = InQualityAssurance();
        HoldQam(p, new DateTime(2026, 2, 2, 10, 0, 0));
        HoldQam(p, new DateTime(2026, 3, 2, 10, 0, 0));
        p.EscalateToMdmm(new DateOnly(2026, 3, 3), "Action plan not delivered.", Officer);
        return p;
    }

    public static ProcessMeeting HeldMdmmWithQuorum(QualityProcess p, DateTime at)
    {
        var m = p.ScheduleMeeting(MeetingKind.MultiAgencyDecision, at, "Farnham House", ProcessChair, null, Calendar);
        m.AddAttendee(ProcessChair, "Head of Service (Commissioning), ACS", MdmmQuorumRole.AcsHeadOfServiceCommissioning);
        m.AddAttendee("Olu Ade", "Head of Operations, ACS", MdmmQuorumRole.AcsHeadOfOperations);
        m.AddAttendee("Chris Lane", "Head of Adult Safeguarding, CCG", MdmmQuorumRole.CcgHeadOfAdultSafeguarding);
        m.AddAttendee("Jo Reid", "Consultant Nurse, HPFT", MdmmQuorumRole.HpftServiceLineLeadOrConsultantNurse);
        p.MarkMeetingHeld(m.Id, DateOnly.FromDateTime(at));
        return m;
    }

    /// <summary>Triggered on Tuesday 10 March 2026; the first meeting is due by Tuesday 24 March.</summary>
    public static QualityProcess Triggered()
    {
        var p = AtMdmm();
        var m = HeldMdmmWithQuorum(p, new DateTime(2026, 3, 10, 14, 0, 0));
        p.AddThresholdEvidence(ThresholdIndicator.SafeguardingConcernsIndicateSignificantRisk, "Nine concerns in three months.", Officer, new DateOnly(2026, 3, 10));
        p.RecordThresholdDecision(m.Id, true, "Falls and medication errors across both floors.", ProcessChair, Officer);
        return p;
    }

    public static ProcessMeeting HoldFirstMeeting(QualityProcess p, DateTime at)
    {
        var m = p.ScheduleMeeting(MeetingKind.SafetyAndImprovementFirst, at, "Farnham House", ProcessChair, null, Calendar);
        p.MarkMeetingHeld(m.Id, DateOnly.FromDateTime(at));
        return m;
    }

    /// <summary>Concluded on Friday 15 May 2026 at a reconvened meeting; reflection due by 15 June.</summary>
    public static QualityProcess Concluded()
    {
        var p = Triggered();
        HoldFirstMeeting(p, new DateTime(2026, 3, 20, 10, 0, 0));
        var reconvened = p.ScheduleMeeting(MeetingKind.SafetyAndImprovementReconvened, new DateTime(2026, 5, 15, 10, 0, 0), "Farnham House", ProcessChair, null, Calendar);
        p.MarkMeetingHeld(reconvened.Id, new DateOnly(2026, 5, 15));
        p.Conclude(reconvened.Id, "Improvements sustained; CQC re-inspection positive.", Officer);
        return p;
    }
}
