using Microsoft.EntityFrameworkCore;
using Portal.Core.ActionPlans;
using Portal.Core.Organisations;
using Portal.Core.Rag;

namespace Portal.App.Data.Demo;

/// <summary>
/// Two demo plans built from the seeds, word for word: the Bedfordshire and Luton Crisis Care Concordat action plan
/// (seed 002) and the action plan for the recommendations of a serious-incident review (seed 003). The seeds' text
/// has lost the RAG colours, so each RAG here is a demo judgement from the update, and says so in its rationale.
/// Idempotent: a plan whose title exists is left alone.
/// </summary>
public sealed class ActionPlanDemo(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string CrisisCareTitle = "Crisis Care Concordat action plan – Bedfordshire and Luton";
    public const string SeriousIncidentTitle = "Action plan for the recommendations of case 32823";

    private const string Judgement = "Demo RAG, judged from the update (the seed's RAG colours are not in its text).";

    private sealed record DemoAction(string? Number, string? SubHeading, ActionScope? Scope, string? Action, string? Timescale,
        string[] Leads, string? Update, string? Outcomes, RagStatus? Rag, string? Issue = null, string? DateNote = null,
        string? CompletionNote = null, bool LedByTeamManager = false);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.ActionPlans.Select(p => p.Title).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var manager = await db.Users.Where(u => u.Email == DemoData.EmailFor(PortalRole.TeamManager))
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();

        if (!existing.Contains(CrisisCareTitle))
        {
            var plan = new ActionPlan(CrisisCareTitle, ActionPlanType.StrategicPlan,
                [organisations["Central Bedfordshire Council"], organisations["Bedford Borough Council"], organisations["Luton Borough Council"],
                    organisations["East London NHS Foundation Trust"]], now,
                "The local Mental Health Crisis Care Concordat action plan for Bedfordshire and Luton, with the UPDATE NOVEMBER 2015 column.");
            db.ActionPlans.Add(plan);
            Add(db, plan, plan.AddSection("Commissioning to allow earlier intervention and responsive crisis services", 1), CrisisSection1, new DateOnly(2015, 11, 1), manager?.Id, manager?.DisplayName, now);
            Add(db, plan, plan.AddSection("Access to support before crisis point", 2), CrisisSection2, new DateOnly(2015, 11, 1), manager?.Id, manager?.DisplayName, now);
            Add(db, plan, plan.AddSection("Urgent and emergency access to crisis care", 3), CrisisSection3, new DateOnly(2015, 11, 1), manager?.Id, manager?.DisplayName, now);
            Add(db, plan, plan.AddSection("Quality of treatment and care when in crisis", 4), CrisisSection4, new DateOnly(2015, 11, 1), manager?.Id, manager?.DisplayName, now);
            Add(db, plan, plan.AddSection("Recovery and staying well / preventing future crisis", 5), CrisisSection5, new DateOnly(2015, 11, 1), manager?.Id, manager?.DisplayName, now);
        }

        if (!existing.Contains(SeriousIncidentTitle))
        {
            var plan = new ActionPlan(SeriousIncidentTitle, ActionPlanType.SeriousIncidentRecommendations,
                [organisations["Central Bedfordshire Council"], organisations["East London NHS Foundation Trust"]], now,
                "Service Area: Community Mental Health Services. Locality: Mental Health and Wellbeing (previously West Locality). Date: 09/11/21.");
            db.ActionPlans.Add(plan);
            Add(db, plan, plan.AddSection("Recommendations", 1), SeriousIncident, new DateOnly(2020, 11, 1), manager?.Id, manager?.DisplayName, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Add(PortalDbContext db, ActionPlan plan, PlanSection section, IEnumerable<DemoAction> actions, DateOnly updateAsOf,
        Guid? managerId, string? managerName, DateTimeOffset now)
    {
        var position = 0;
        var by = managerName ?? "Demo data";
        foreach (var d in actions)
        {
            Timescale? timescale = d.Timescale is null ? null : Timescale.TryParse(d.Timescale, out var t, out _) ? t : throw new InvalidOperationException(d.Timescale);
            var action = plan.CreateAction(section.Id, ++position, new ActionDetails(d.Number, d.SubHeading, d.Scope, d.Action, d.Issue, timescale,
                d.DateNote, d.CompletionNote, d.Outcomes), now);
            var leads = d.Leads.Select(l => new LeadInput(l)).ToList();
            if (d.LedByTeamManager && managerId is { } id)
                leads.Add(new LeadInput(managerName!, id));
            action.SetLeads(leads, now);
            if (d.Update is not null)
                action.AddUpdate(updateAsOf, d.Update, managerId, by, now);
            if (d.Rag == RagStatus.Complete)
                action.Complete(updateAsOf, Judgement, managerId, by, now);
            else if (d.Rag is { } rag)
                action.ChangeRag(rag, Judgement, managerId, by, now);
            db.PlanActions.Add(action);
        }
    }

    private static readonly DemoAction[] CrisisSection1 =
    [
        new("1.", "Matching local need with a suitable range of services", ActionScope.Local,
            "To establish a comprehensive mental health JSNA to include detailed baseline information on local need for crisis services.",
            "June 2015",
            ["Public Health Leads", "LBC  - Stephen Gunther", "Bedford Borough & Central Beds – Public Health. Muriel Scott"],
            "Across all Organisations – Mental Health JSNA published. Contains high level data and further work required to develop detailed baseline information. New clinical systems will improve local data available for crisis services.",
            "A detailed profile of patient demography on current usage of crisis services along with profiles of levels acuity to inform commissioning and investment decisions on improving crisis services and on targeting preventative services.",
            RagStatus.Amber),
        new(null, "Matching local need with a suitable range of services", ActionScope.Local, null, "April 2016",
            ["Stephen Gunther", "Muriel Scott"],
            "LBC-Further work required to develop detailed baseline information. New clinical systems will improve local data available for crisis services.\nBBC/CBC-JSNA due to be refreshed in 2016 and to include MH Crisis Services.",
            "As above", RagStatus.Amber),
        new("2.", "Matching local need with a suitable range of services", ActionScope.Countywide,
            "To develop a local model for street triage across Bedfordshire and Luton.", "March 2016", ["Jaki Whittred"],
            "Outline Business Case has been submitted to the Senior Management Group. Detailed Business Case to be submitted in November 2015 for a decision.",
            "A locally commissioned Street Triage service in place which will support people in crisis and facilitate a reduction in A&E admissions and S136 presentations.",
            RagStatus.Amber),
        new("3.", "Improving mental health crisis services", ActionScope.Local, "Re-modelling of Crisis and Home Treatment teams.", "March 2016",
            ["LCCG – Steve Malusky", "BCCG – Michelle Bradley"],
            "Luton CCG- Part of remodelling of crisis and home treatment team commenced. Liaison Psychiatry service will release Crisis and Home treatment staff back into the community which will create extra capacity.",
            "To implement responsive local 24/7 crisis services in the least restrictive setting. \nOutcome based service specifications to deliver responsive Nice compliant and patient centred services",
            RagStatus.Green),
        new("4.", "Improving mental health crisis services", ActionScope.Local, "To review the crisis pathway for children and young people.", "March 2016",
            ["Luton - Bridget Cameron", "Beds CCG – Karlene Allen"],
            "Plans have been submitted to NHS England and agreed in principle and funding has been made available to progress this work.",
            "Children to receive early support and timely access to services to reduce the risk of children and their families experiencing a mental health crisis and minimise the need for an inpatient or residential placement away from their homes.",
            RagStatus.Green),
        new("6.", "Improved partnership working in Bedfordshire and Luton locality", ActionScope.Local,
            "To review the governance structure in place and all joint policies, procedures and protocols to build effective partnerships across all organisations involved in crisis care including the voluntary sector.",
            "September 2015", ["ELFT – Gail Dearing", "BBC – Marek Zamborsky", "CBC – Paul Groom", "LBC – Amy Kay"],
            "Overall Governance Structure has been developed and agreed. Locally, reviews are being carried out across all organisations and will be monitored by the Mental Health Partners Operational Delivery Group.",
            "All local agencies will be clear on their roles and responsibilities in responding to mental health crisis. Each area will develop their own plans and governance arrangements linked to local Health and Being Boards.\nSystem mapping and review of inter organisational protocols to be undertaken to ensure streamlined patient pathways.",
            RagStatus.Green),
    ];

    private static readonly DemoAction[] CrisisSection2 =
    [
        new("7.", "Improve access to support via primary care", ActionScope.Local,
            "To develop the expansion of a primary care based service model to include Single point of access and primary care based mental health workers",
            "Dec\n2016", ["Luton – Steve Malusky", "Beds – Michelle Bradley", "ELFT – Diane Hull and Sarah Wilson"],
            "Primary Care Liaison Models being developed and tailored to individual locality requirements across Bedfordshire and Luton.",
            "A local primary care led mental health service based within GP practices to deliver first line preventative services with prompt onward referral to appropriate services for those with more complex needs. GP access to Consultant Psychiatrists for advice, support and quick access back into secondary care services for people who are experiencing deterioration in their condition. Service users and carers will have one point of entry into services and will be supported to access the service they require at that time.",
            RagStatus.Green),
        new("8.", "Improve access to and experience of mental health services", ActionScope.Local, "To ensure outcome based commissioning is in place.",
            "April 2015", ["LBC – Amy Kay", "LCCG – S Malusky", "BCCG –M Bradley", "BBC –Marek Zamborsky", "CBC – Paul Groom"],
            "ELFT Contract now in place with agreed outcomes specified within the contract.",
            "All commissioned services are linked to recovery based outcomes which are measurable and monitored in accordance with agreed governance arrangements.\nContracts are now in place with mental health providers which are outcome based.",
            RagStatus.Complete),
        new("9.", "Improve access to and experience of mental health services", ActionScope.Countywide,
            "Develop robust feedback mechanisms from partners and stakeholders.", "March 2016", ["Pam Garroway to lead with support from Mental Health ODG"],
            "Stakeholder Event to be held in November 2015. Governance arrangements have been agreed and partners to be included in future meetings.",
            "Partners and stakeholders form an integral part of the whole commissioning cycle. A local published programme of events and forums to be held to evaluate services and ensure on going improvement of services.\nCommissioners must demonstrate how feedback from partners and stakeholders have made a difference.",
            RagStatus.Green),
    ];

    private static readonly DemoAction[] CrisisSection3 =
    [
        new("11.", "Improve NHS emergency response to mental health crisis", ActionScope.Local,
            "To enhance psychiatric liaison services within local acute hospitals.", "Oct 2015", ["Luton- S Malusky", "Beds- M Bradley"],
            "Luton CCG – Business case approved by the CCG Board and a 24/7 Liaison Psychiatry service is to commence in October 2015 with a full staff compliment in place by Jan 2016. \nBedfordshire CCG –There is no commissioned service for Bedford Hospital, a business case has been developed and BCCG has received an allocation which will part fund a limited service in year.",
            "Improved patient and carer experience in acute settings. People feel supported in managing their physical and mental well-being. Acute hospital staff feel supported and appropriately trained in dealing with mental health. Reduced inpatient admissions and lengths of stay.",
            RagStatus.Amber),
        new("14.", "Social services’ contribution to mental health crisis services", ActionScope.Local,
            "Re-modelling of the AMPH service to match capacity with demand using the ADASS toolkit.", "Sept\n2015",
            ["ELFT – Gail Dearing", "Luton LA – Amy Kay", "BBC – Mark Harris", "CBC – Paul Groom"],
            "Reviews have been conducted and are with local authorities for consideration.",
            "An appropriately resourced and responsive service in line with national recommendations and meeting the needs of the local population",
            RagStatus.Amber, LedByTeamManager: true),
        new("15.", "Improved quality of response when people are detained under Section 135 and 136\nof the Mental Health Act 1983", ActionScope.Countywide,
            "Zero tolerance of people to be held in custody and develop and publish approved places of safety.", "Sept 15", ["Jaki Whittred, Beds Police"],
            "Now averaging 0.2 admissions per month held in custody, this is working well across the county. ",
            "Implementation of the “Safer place to be” guidance. Defined places of safety communicated to all partner agencies. Improved patient experience. Reduction in use of Section 135 and 136. Minimise A&E attendance. Detailed information on use of S135 and S136 – draw up KPI’s to monitor zero tolerance compliance.",
            RagStatus.Green),
    ];

    private static readonly DemoAction[] CrisisSection4 =
    [
        new(null, "Review police use of places of safety under the Mental Health Act 1983 and results of local monitoring", null,
            "Refer to no.15", null, [], null, "See Point 15.", null),
        new("18.", "Service User/Patient safety and safeguarding", ActionScope.Local,
            "To review the current processes and restrain procedure in place across the whole system and implement the “Positive and Proactive Care” guidance. \n\nTo Review Local and National Safeguarding Arrangements.",
            "September 2015", ["ELFT – Diane Hull", "Luton – Chair Safeguarding Board", "BBC and CBC chair safeguarding board"],
            "National standards and guidance has been reviewed across all inpatient units and recommendations and training being implemented. Local lessons learnt and recommendations from local safeguarding boards are ongoing.",
            "When restraint has to be used it is done so according to protocol and staff are fully trained in undertaking restraint procedures.\n\nTo review local and national safeguarding arrangements and processes in place and to ensure that any lessons learnt and recommendations from reviews are implemented locally and monitored through Safeguarding Boards.",
            RagStatus.Green),
    ];

    private static readonly DemoAction[] CrisisSection5 =
    [
        new("20.", "Joint planning for prevention of crises", ActionScope.Local,
            "Recovery services will work in integrated way with crisis and community teams to deliver streamlined services which are person centred and recovery based with emphasis on full integration back into the community.",
            "March 2016", ["Luton CCG – Steve Malusky", "Beds CCG – Michelle Bradley"],
            "Luton CCG – Review of all services to be implemented by March 2016 which will include Recovery Services.\n\nBCCG – A Recovery Board has been set up to implement local services",
            "An effective, time limited recovery based service which discharges people back into the community with full support. Facilitates discharge from acute inpatient settings, reduces lengths of stay and helps people reintegrate back home through proactive case management. ",
            RagStatus.Amber),
    ];

    private static readonly DemoAction[] SeriousIncident =
    [
        new("1.", null, null,
            "Review of current duty of candour policy, and RCA training offered to Livewell staff to ensure compliance with current guidance", null,
            ["Deputy Director of Safety and Quality"],
            "This action is complete and there is a clear duty of candour policy embedded within Livewell practice which is compliant with current guidance. The SIRI policy is attached (1) above.\nThe SIRI panel review concluded that the Duty of Candour has been completed as each case is entered and presented, regardless of whether this is an internal review or full SIRI.\nAll staff involved in the investigation of serious incidents attend training which covers the Duty of Candour.",
            null, RagStatus.Complete,
            Issue: "Livewell Southwest must ensure that the policy and procedure on engagement and support of families of victims and perpetrators involved in serious incidents to comply with current guidance.",
            DateNote: "2019", CompletionNote: "2021"),
        new("2.", null, null, "To ensure that Livewell provide comprehensive action plans and evidence of updates.", null,
            ["Deputy Director of Safety and Quality"],
            "There is close reporting to the CCG as appropriate and local actions are monitored both internally and by the CCG. The process is identified in the SIRI policy.\nThe CCG have confirmed verbally that they have been satisfied with the evidence of learning from events and completion of action plans provided by Livewell.",
            null, RagStatus.Green,
            Issue: "NHS Devon Clinical Commissioning Group and Livewell Southwest must ensure that serious incidents are investigated in accordance with the Serious Incident Framework, that provider action plans are monitored, that assurance is sought and provided, that action plans are completed, and changes to clinical practice and patient care are monitored.",
            DateNote: "2019", CompletionNote: "2021"),
        new("3.", null, null, "Review service provision against NICE Guidelines.", "March 2022", ["Operational Manager"],
            "As a service Livewell have access to the necessary service components- to ensure that care and treatment is NICE compliant in both areas: the service works closely with the psychotherapy department and IAPT, as well as having psychologists within the team, there is an established EIP service.",
            null, RagStatus.Amber,
            Issue: "NHS Devon Clinical Commissioning Group and Livewell Southwest must ensure that care and treatment for psychosis and schizophrenia, and post-traumatic stress disorder is delivered in accordance with the relevant NICE guidelines.",
            CompletionNote: "Review End March 2022"),
        new("4.", null, null, "Review of standards of risk assessments", "10/2021", ["Deputy Head of Service"],
            "Livewell's CMHT CQC 2016 action plan (4) focussed on the improvements required included this, among other areas, and improvements were noted in the subsequent CQC visit in 2020.",
            null, RagStatus.Green,
            Issue: "Livewell Southwest must provide assurance to their commissioners and the Board that risk assessments are undertaken and documented in accordance with organisational policy.",
            DateNote: "2017", CompletionNote: "10/2021"),
        new("5.", null, null, "Review of discharge processes", null, ["Operational Manager"],
            "The Operational Policy (7) section 12 describes the discharge criteria and sets out the process for this to occur. This includes discussing all potential discharges in the MDT prior to this occurring. This includes discharge processes that relate to the management of non – attendance and also transfers out of area.",
            null, RagStatus.Green,
            Issue: "Livewell Southwest must provide evidence of assurance to their commissioners and the Board that discharge decisions are taken in accordance with organisational policy",
            DateNote: "2019", CompletionNote: "2021"),
        new("6.", null, null, "Crisis and Contingency planning training to be reviewed and rolled out", null, ["Operational Manager"],
            "The CQC action plan (4) demonstrates the improvements made in this area.",
            null, RagStatus.Green,
            Issue: "Livewell Southwest must ensure that crisis/contingency plans clearly describe the actions required by patients and staff when a patient is in crisis.",
            DateNote: "2017", CompletionNote: "2021"),
        new("7.", null, null, "Demonstration of a comprehensive care coordination allocation process.", null, ["Operational Manager"],
            "The CQC action plan (4) also included this recommendation, there is a clearly defined process embedded for managing a waiting list for care co-ordination.",
            null, RagStatus.Complete,
            Issue: "Livewell Southwest must provide assurance to their Board and their commissioners that a system is in place to ensure that any patient waiting longer than ten days for allocation to a care coordinator is identified and the issue escalated to an appropriate manager for action.",
            DateNote: "2017", CompletionNote: "2017 Review 2021"),
        new("9.", null, null, "Update of AMP operational policy to reflect an agreed escalation process.", null, ["Operational Manager"],
            "This process has been agreed and is embedded. It is fully documented in the AMHP operation policy in section s 9.4 and 10.1-10.4 describes disagreements with the outcome of an MHA",
            null, RagStatus.Green,
            Issue: "Livewell Southwest must provide assurance to their commissioners and the Board that the escalation route for professional differences between AMHP¹s and community mental health team staff are used effectively.",
            DateNote: "Reviewed 2019", CompletionNote: "2021", LedByTeamManager: true),
    ];
}
