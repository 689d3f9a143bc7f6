namespace Portal.Core.Providers;

/// <summary>The seven "thresholds for convening a meeting" of §5 iv, in the seed's order.</summary>
public enum ThresholdIndicator
{
    SafeguardingConcernsIndicateSignificantRisk = 1,
    EvidenceAdultsAbusedOrNeglected = 2,
    DeathSeriousInjuryOrMajorImpact = 3,
    PatternsWithoutRemedialAction = 4,
    SignificantComplaint = 5,
    SignificantWhistleblowing = 6,
    InspectionOrMonitoringEvidence = 7,
}

public static class ThresholdIndicators
{
    /// <summary>The seed's wording of each indicator, word for word.</summary>
    public static string Text(this ThresholdIndicator indicator) => indicator switch
    {
        ThresholdIndicator.SafeguardingConcernsIndicateSignificantRisk =>
            "A number of safeguarding concerns and/or referrals indicate that a significant number of adults are at risk of abuse or neglect",
        ThresholdIndicator.EvidenceAdultsAbusedOrNeglected =>
            "There is evidence or a credible concern that a number of adults at risk have been abused or neglected",
        ThresholdIndicator.DeathSeriousInjuryOrMajorImpact =>
            "There has been a death, serious injury or major impact on the health of an adult at risk and abuse or neglect is a contributory factor",
        ThresholdIndicator.PatternsWithoutRemedialAction =>
            "Patterns or trends in care delivery where remedial action is not taken or has had no impact and there are indications that a number of adults are at risk of abuse or neglect",
        ThresholdIndicator.SignificantComplaint => "There has been a significant complaint",
        ThresholdIndicator.SignificantWhistleblowing => "There has been significant whistleblowing",
        ThresholdIndicator.InspectionOrMonitoringEvidence =>
            "There is evidence from CQC inspection, CCG and /or local authority quality monitoring / contract monitoring visits indicating that a number of adults are at risk of abuse or neglect",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    public static IReadOnlyList<ThresholdIndicator> All { get; } = Enum.GetValues<ThresholdIndicator>();
}

/// <summary>Evidence that one indicator is present, so the MDMM sees why the threshold is (or is not) met.</summary>
public sealed class ThresholdEvidence
{
    public const int EvidenceMaxLength = 4000;

    private ThresholdEvidence() { Evidence = ""; RecordedByName = ""; }

    internal ThresholdEvidence(ThresholdIndicator indicator, string evidence, string recordedByName, DateOnly recordedOn)
    {
        if (!Enum.IsDefined(indicator))
            throw new DomainRuleException("Choose one of the seven threshold indicators.");
        Indicator = indicator;
        Evidence = Guard.RequiredText(evidence, "Evidence", EvidenceMaxLength);
        RecordedByName = recordedByName;
        RecordedOn = recordedOn;
    }

    public ThresholdIndicator Indicator { get; private set; }
    public string Evidence { get; private set; }
    public string RecordedByName { get; private set; }
    public DateOnly RecordedOn { get; private set; }
}

/// <summary>The four people of §5 iii who must be present before the MDMM can decide on the threshold.</summary>
public enum MdmmQuorumRole
{
    AcsHeadOfServiceCommissioning,
    AcsHeadOfOperations,
    CcgHeadOfAdultSafeguarding,
    HpftServiceLineLeadOrConsultantNurse,
}

public static class MdmmQuorum
{
    public static IReadOnlyList<MdmmQuorumRole> Required { get; } = Enum.GetValues<MdmmQuorumRole>();

    public static string Describe(this MdmmQuorumRole role) => role switch
    {
        MdmmQuorumRole.AcsHeadOfServiceCommissioning => "ACS – Head of Service (Commissioning)",
        MdmmQuorumRole.AcsHeadOfOperations => "ACS – Head of Operations (OPPD and CLDT)",
        MdmmQuorumRole.CcgHeadOfAdultSafeguarding => "CCG – Head of Adult Safeguarding",
        MdmmQuorumRole.HpftServiceLineLeadOrConsultantNurse => "HPFT – Service Line Lead/ Consultant Nurse",
        _ => role.ToString(),
    };
}

/// <summary>Appendix Four: "Checklist of actions to be considered and or taken at meetings", word for word.</summary>
public static class MeetingChecklist
{
    public const string Title = "Checklist of actions to be considered and or taken at meetings";

    public static IReadOnlyList<string> Actions { get; } =
    [
        "Senior Management – Need to Know",
        "Strategy decision on when to discuss matters direct with the Provider",
        "If a suspension on admissions is considered how this is communicated to front line staff",
        "Alerting other local authorities who have made placements",
        "Alerting Health colleagues on any Continuing Care placements",
        "Information to the Provider",
        "Press release discussion to Communications Team",
        "Briefing paper for Chief Executive and or Elected Members, Chair of HSAB",
        "Consider how to consult with any other stakeholders, e.g. residents and relatives without raising anxiety",
        "Agree as part of strategy how to include self-funders",
        "Make recommendation on suspension of admission for contracted services.",
        "Coordinating service user/patient care reviews and reassessments",
        "Monitoring care quality delivery",
        "Offering professional technical support and intervention",
        "Monitoring service improvement plans",
        "Agree a multi-agency protection/action plan",
    ];

    /// <summary>The action text for a 1-based item number.</summary>
    public static string Action(int itemNumber) =>
        itemNumber >= 1 && itemNumber <= Actions.Count ? Actions[itemNumber - 1] : throw new DomainRuleException($"There is no checklist item {itemNumber}.");
}
