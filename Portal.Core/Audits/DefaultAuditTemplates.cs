namespace Portal.Core.Audits;

public sealed record DefaultQuestion(string Text, string? Guidance = null, bool Required = true, bool CommentOnNo = true);

public sealed record DefaultSection(string Title, string? Guidance, IReadOnlyList<DefaultQuestion> Questions);

public sealed record DefaultTemplate(string Name, string? WorkType, string Description, IReadOnlyList<DefaultSection> Sections)
{
    /// <summary>A draft of this tool for an organisation, marked as an editable starting point.</summary>
    public AuditTemplate Build(Guid organisationId)
    {
        var template = new AuditTemplate(organisationId, Name, Description, WorkType, isStartingPoint: true);
        foreach (var s in Sections)
        {
            var section = template.AddSection(s.Title, s.Guidance);
            foreach (var q in s.Questions)
                template.AddQuestion(section.Id, q.Text, q.Guidance, q.Required, q.CommentOnNo);
        }
        return template;
    }
}

/// <summary>
/// The audit tools the seed documents name. The documents name them but do not list their questions, so each
/// is built from the criteria the frameworks give — the person's participation and voice, quality of the
/// practice, impact of practice and quality of recording (seed 004), and the legal and least-restrictive
/// concerns of the AMHP role (seed 000) — as plain questions an auditor can answer Yes, No or Not applicable.
/// They are starting points: each organisation edits them and publishes its own versions.
/// </summary>
public static class DefaultAuditTemplates
{
    public const string AmhpReportAudit = "AMHP Report Audit (local authority quarterly)";
    public const string AmhpSupervisionAudit = "AMHP report audit in supervision";
    public const string AmhpReferralAudit = "AMHP Referral Audit";
    public const string EdtCaseAudit = "EDT Case Audit";
    public const string NoMhaaAudit = "No-MHAA referral audit";
    public const string JointCaseAudit = "Joint Case Audit";
    public const string CareActAssessment = "Care Act assessment";
    public const string CareActReview = "Care Act review";
    public const string MentalCapacityAssessment = "Mental Capacity Act assessment";
    public const string Safeguarding = "Safeguarding concern / s42 enquiry";

    private const string StartingPoint = "A starting point supplied with the portal, built from the quality framework's criteria. Review and edit it before use.";

    private static DefaultSection Voice(params DefaultQuestion[] extra) => new("The person's participation and voice",
        "Individuals' involvement – the voice of the person.",
        [
            new("Was the person involved in the work, and does the record show how?"),
            new("Are the person's own views and wishes recorded, in their own words where possible?"),
            new("Were the person's communication needs identified and met (for example an interpreter, easy read, or more time)?"),
            .. extra,
        ]);

    private static DefaultSection Recording(params DefaultQuestion[] extra) => new("Quality of the recording", null,
        [
            new("Is the record clear, consistent and well-structured?"),
            new("Is the recording factual and free of jargon, so the person could read and understand it?"),
            .. extra,
        ]);

    public static IReadOnlyList<DefaultTemplate> All { get; } =
    [
        new(AmhpReportAudit, "AMHP assessment", StartingPoint + " Used for the quarterly audit of 20 AMHP reports and cases led by each local authority in turn.",
        [
            new("Legal framework", "The AMHP's statutory duties under the Mental Health Act 1983.",
            [
                new("Does the report show how each statutory criterion for the section applied was met?"),
                new("Was the nearest relative correctly identified?", "Section 26 hierarchy; record why if not practicable."),
                new("Was the nearest relative informed or consulted as the Act requires, and is this recorded?", "Section 11(3) and 11(4)."),
                new("Were the medical recommendations in place, in order and within the time limits?"),
                new("Did the AMHP interview the person in a suitable manner, and is this recorded?", "Section 13(2)."),
                new("Was the person told of their rights and the outcome of the assessment?"),
            ]),
            new("Least restrictive option", "Seed 000: decisions that facilitate access to least restrictive options are made proportionately.",
            [
                new("Were alternatives to detention considered (for example home treatment, informal admission, community support)?"),
                new("Does the report explain why each alternative was or was not suitable?"),
                new("Is the decision proportionate to the risks described?"),
            ]),
            Voice(new DefaultQuestion("Were the views of family, friends or carers sought and recorded where appropriate?")),
            new("Risk and safety", null,
            [
                new("Are the risks to the person and to others analysed, not only listed?"),
                new("Were dependants, children, pets and the security of the person's home considered?"),
                new("Where police were involved, was their role appropriate (Right Care, Right Person)?"),
            ]),
            Recording(new DefaultQuestion("Is the AMHP report complete and on the patient record (RiO)?")),
        ]),
        new(AmhpSupervisionAudit, "AMHP assessment", StartingPoint + " Two AMHP reports are audited as part of each AMHP professional supervision.",
        [
            new("Legal framework", null,
            [
                new("Does the report show how the statutory criteria were met?"),
                new("Were the nearest relative's rights respected and recorded?"),
                new("Were the legal timescales met?"),
            ]),
            new("Least restrictive option", null,
            [
                new("Were less restrictive alternatives considered and the reasons for rejecting them recorded?"),
            ]),
            Voice(),
            new("Reflection and learning", null,
            [
                new("Did the AMHP reflect on the assessment in supervision?", CommentOnNo: false),
                new("Were learning or development needs identified and agreed?", CommentOnNo: false),
            ]),
        ]),
        new(AmhpReferralAudit, "AMHP referral", StartingPoint + " Used in the monthly Huddle to review 4 randomly selected referrals from EDT and the AMHP service.",
        [
            new("The referral", null,
            [
                new("Did the referral contain the information needed to decide on a response?"),
                new("Was the referral appropriate for a Mental Health Act assessment?"),
                new("Was the referrer given clear advice or signposting where the referral was not appropriate?"),
            ]),
            new("The response", null,
            [
                new("Was the referral screened and allocated without avoidable delay?"),
                new("Were the person's risks considered when prioritising the referral?"),
                new("Were Right Care, Right Person principles considered in deciding who should respond?"),
                new("Were handovers between EDT and the day service clear and recorded?"),
            ]),
            Recording(new DefaultQuestion("Is the outcome of the referral recorded?")),
        ]),
        new(EdtCaseAudit, "EDT contact", StartingPoint + " For the Emergency Duty Team's case audits.",
        [
            new("Response", null,
            [
                new("Was the response timely for the level of risk?"),
                new("Was the action taken proportionate and appropriate to the situation?"),
                new("Were the right partners involved, and was the escalation process used where needed?"),
                new("Was the case handed over to the day team with clear actions?"),
            ]),
            Voice(),
            new("Risk and safety", null,
            [
                new("Were risks to the person and to others identified and acted on?"),
                new("If the person may have been left at risk, was this escalated immediately?", "Seed 000 §4.5: advise the relevant team, AMHP Lead and/or EDT manager immediately."),
            ]),
            Recording(),
        ]),
        new(NoMhaaAudit, "MHA assessment referral not progressed", StartingPoint + " For the monthly audit of all Mental Health Act assessment referrals that did not progress to assessment. Its aim: assurance that decisions to facilitate access to least restrictive options are made proportionately.",
        [
            new("The decision", null,
            [
                new("Is the reason the assessment did not progress clearly recorded?"),
                new("Was the decision proportionate to the information and risks known at the time?"),
                new("Were least restrictive options identified and offered to the person?"),
                new("Was the decision discussed with, or checked by, a senior AMHP or manager where required?", Required: false),
            ]),
            new("Follow-up", null,
            [
                new("Were the person and the referrer told of the decision and what would happen next?"),
                new("Is there a clear plan for support, treatment or care, with who will do what?"),
                new("Is there a plan for what to do if the person's situation gets worse?"),
            ]),
            Recording(),
        ]),
        new(JointCaseAudit, "Joint case", StartingPoint + " For joint case audits with partners where learning is identified for several organisations and a whole-system response is needed.",
        [
            new("Working together", null,
            [
                new("Did each organisation's involvement follow its procedures and the joint protocol?"),
                new("Was information shared between organisations promptly and appropriately?"),
                new("Were disagreements or concerns escalated using the escalation process?"),
            ]),
            Voice(),
            new("Learning", null,
            [
                new("Has learning for each organisation been identified?", CommentOnNo: false),
                new("Have actions been agreed, each with an owner and a date?"),
            ]),
        ]),
        new(CareActAssessment, "Care Act assessment", StartingPoint + " Based on the Essex audit criteria: the voice of the person, quality of practice, impact of practice and quality of recording.",
        [
            Voice(
                new DefaultQuestion("Where the person has substantial difficulty being involved, was independent advocacy considered?", "Care Act 2014 s67."),
                new DefaultQuestion("Were family or carers involved where the person wanted them to be?")),
            new("Quality of the practice", "Actions and decisions taken by practitioners.",
            [
                new("Were the person's needs considered against each of the eligibility outcomes?"),
                new("Does the assessment consider the person's strengths, skills and assets, and their networks?"),
                new("Where there was reason to doubt the person's capacity to take part in a decision, was it assessed?"),
                new("Are risks identified, with a plan to manage them that respects the person's choices?"),
                new("Does the assessment show professional analysis, not just description?"),
                new("Was relevant legislation and organisational guidance applied?"),
            ]),
            new("The impact of practice", "Achieved outcomes.",
            [
                new("Are the outcomes the person wants to achieve clearly defined?"),
                new("Is it clear what difference the work has made, or is expected to make, for the person?"),
                new("Were a carer's own support needs identified and a carer's assessment offered?"),
            ]),
            Recording(
                new DefaultQuestion("Was the person given, or offered, a copy of their assessment?"),
                new DefaultQuestion("Was the assessment completed within the expected timescale?")),
        ]),
        new(CareActReview, "Care Act review", StartingPoint + " Based on the Essex audit criteria.",
        [
            Voice(new DefaultQuestion("Were family or carers involved in the review where the person wanted them to be?")),
            new("Quality of the practice", null,
            [
                new("Did the review check whether the support plan is meeting the person's needs and outcomes?"),
                new("Were changes in the person's needs or circumstances identified and responded to?"),
                new("Were the person's strengths and community resources considered?"),
                new("Were risks reviewed and the plan to manage them updated?"),
            ]),
            new("The impact of practice", null,
            [
                new("Is it recorded which outcomes have been achieved and which have not?"),
                new("Was the support plan updated, or confirmed as still right, following the review?"),
            ]),
            Recording(new DefaultQuestion("Was the review held within the expected timescale?")),
        ]),
        new(MentalCapacityAssessment, "Mental Capacity Act assessment", StartingPoint + " Based on the Mental Capacity Act 2005 and the Essex audit criteria.",
        [
            new("The decision and the test", "Mental Capacity Act 2005 ss1–3.",
            [
                new("Is the specific decision, and the time it needs to be made, clearly stated?"),
                new("Were all practicable steps taken to support the person to make the decision themselves?"),
                new("Is there evidence of an impairment of, or disturbance in the functioning of, the mind or brain?"),
                new("Does the assessment record whether the person can understand, retain, use or weigh the information, and communicate the decision?"),
                new("Is it explained how the impairment causes the inability to decide?"),
            ]),
            Voice(),
            new("Best interests", "Only where the person lacks capacity for the decision.",
            [
                new("Was the best interests checklist followed, including the person's past and present wishes?", Required: false),
                new("Were the people who should be consulted consulted, or an IMCA instructed where required?", Required: false),
                new("Was the least restrictive option chosen, and is the reasoning recorded?", Required: false),
            ]),
            Recording(),
        ]),
        new(Safeguarding, "Safeguarding enquiry", StartingPoint + " Based on the Care Act 2014 s42 and Making Safeguarding Personal.",
        [
            Voice(
                new DefaultQuestion("Were the outcomes the person wanted from the enquiry asked for and recorded?"),
                new DefaultQuestion("Was independent advocacy considered where the person has substantial difficulty being involved?")),
            new("Quality of the practice", null,
            [
                new("Was it decided and recorded whether the s42 criteria were met?", "The person has care and support needs, is experiencing or at risk of abuse or neglect, and because of those needs cannot protect themselves."),
                new("Were immediate risks identified and acted on without delay?"),
                new("Was the enquiry proportionate to the concern raised?"),
                new("Were the right partners involved and information shared appropriately?"),
            ]),
            new("The impact of practice", null,
            [
                new("Is it recorded whether the person's desired outcomes were met?"),
                new("Is there a safeguarding plan, or a reason why one is not needed?"),
            ]),
            Recording(new DefaultQuestion("Were the decisions at each stage recorded with reasons?")),
        ]),
    ];
}
