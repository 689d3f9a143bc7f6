namespace Portal.Core.Letters;

/// <summary>
/// The letters of seed 001 word for word, with each of the seed's capitalised blanks (NAME, DATE, OWNER,
/// INSERT CARE HOMES, CARE HOME, TIME, PLACE, NAME OF BSO, EMAIL, NUMBER, TITLE) replaced by the field the
/// portal fills it with. Where the seed leaves room for a list (the reasons, the concerns) a bullet holds
/// the field; paragraphs that describe one kind of evidence start "? " so they are left out when the
/// record has no such evidence. An organisation's administrators can change any of it.
/// </summary>
public static class DefaultLetterTemplates
{
    private const string Letterhead = """
        **Adult Care Services
        East and North Area Team OP
        SFAR215
        Second Floor
        Farnham House
        Six Hills Way
        Stevenage, SG1 2FQ**

        Area Manager: {{AreaManager}}

        Telephone: 0300 123 4042

        Date: {{LetterDate}}
        """;

    /// <summary>Appendix Seven and the self-funder letter set only the first two lines of the address in bold.</summary>
    private const string LetterheadTwoBoldLines = """
        **Adult Care Services
        East and North Area Team OP**
        SFAR215
        Second Floor
        Farnham House
        Six Hills Way
        Stevenage, SG1 2FQ

        Area Manager: {{AreaManager}}

        Telephone: 0300 123 4042

        Date: {{LetterDate}}
        """;

    public const string ProviderNotification = Letterhead + "\n\n" + """
        Dear {{Owner}},

        # RE: Safety and Improvement Process Meeting

        I am writing to inform you that Hertfordshire County Council would like to invite you to a multi-agency meeting to discuss how best to address some ongoing contractual and safeguarding concerns which have emerged from a number of residential homes registered to your organisation. These homes include; {{OwnerHomes}}.

        The reasons why the decision was made to initiate this process, as well as the date of the meeting are detailed below. You may already be aware of and in the process of combating these concerns which have been noted by CQC, HCC operational safeguarding team and HCC contractual monitoring team.

        Given the risk to the services being provided to the residents of the homes, we would want to prevent further deterioration and seek a speedy resolution to ensure improvements to the quality of your services. An overview of the concerns can be seen below:

        ## Reasons for initiating the Safety and Improvement Process:

        - {{Reasons}}

        ? On {{CqcInspectionDate}} the Care Quality Commission (CQC) made an unannounced inspection in response to concerns that one or more of the essential standards of quality and safety were not being met. During this inspection they found that {{CareHome}} was non compliant in the following areas:

        ? - {{CqcFindings}}

        ? - On the {{SafeguardingConcernDate}} the council received a Safeguarding concern pertaining to a resident that was potentially at risk. Following receipt of the SAFA concern, representatives from the council visited the home on {{SafeguardingVisitDate}}. The concerns noted at this visit included:

        ? - {{SafeguardingConcerns}}

        ## Date of Safety and Improvement Meeting

        The Safety and Improvement meeting will be held on {{MeetingDate}} at {{MeetingTime}} at {{MeetingPlace}}.

        I would be grateful if you could please confirm your attendance at this meeting, and also inform me of any other attendees you may bring with you.

        To confirm your attendance please contact {{ContactName}} at {{ContactEmail}}, or alternatively via telephone on {{ContactPhone}}.

        Yours Sincerely,
        """;

    public const string GpNotification = LetterheadTwoBoldLines + "\n\n" + """
        Dear Practice Manager

        # Re: {{CareHome}}

        According to the CCG records you are the practice providing medical services to {{CareHome}}.

        The County Council's Adult Care Services (ACS) together with multi agency Partners has recently held a high level meeting through the Hertfordshire Safeguarding Adult Board Multi Agency Safeguarding Adult Procedures with the provider to discuss concerns regarding this home. These concerns relate to:

        - {{Concerns}}

        Our aim is to engage with the care home provider to ensure improvements and changes are made to care practices within the home.

        In the course of the work you do within the Care Home please can you share any concerns with {{CareHome}} that you may have that will inform the improvement required.

        The officer coordinating communication for this work is: {{OfficerName}}, {{OfficerTitle}}

        If you would like further information on the concerns ACS currently have at the home, please contact: {{ContactName}}, Business Support Officer – Safeguarding on {{ContactEmail}} and {{ContactPhone}}

        (These contact details are for the use of professionals only and must not be given out to members of the general public).

        Your sincerely

        Business Support Officer
        """;

    public const string SelfFunder = LetterheadTwoBoldLines + "\n\n" + """
        Dear {{RecipientName}},

        # RE: Your right to an assessment of your social care needs, including your residential care placement.

        I have been given your name by {{RegisteredManager}}, Manager of {{CareHome}}. I am taking this opportunity to inform you that you have a right under law to have an assessment of your needs undertaken by a social care practitioner on behalf of the County Council.

        This assessment (which is free of charge) will help to ensure that you are receiving the appropriate support for your care needs and make recommendations about any appropriate alternatives. It will also be able to identify if you are entitled to any financial support from the County Council.

        If you would like to take up the offer of an assessment please contact {{ContactName}} on 0300 1234042, who will be able to assist arrange this.

        Whilst writing I would like to take this opportunity to remind you that you can check and see how the Care Quality Commission rates local care home provision by visiting www.cqc.org.uk.

        Yours sincerely
        """;

    public static string For(LetterKind kind) => kind switch
    {
        LetterKind.ProviderNotification => ProviderNotification,
        LetterKind.GpNotification => GpNotification,
        LetterKind.SelfFunder => SelfFunder,
        _ => throw new DomainRuleException("Choose which letter to prepare."),
    };
}
