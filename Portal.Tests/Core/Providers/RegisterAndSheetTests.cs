using Xunit;
using Portal.Core;
using Portal.Core.Providers;
using static Portal.Tests.Core.Providers.ProcessBuilder;

namespace Portal.Tests.Core.Providers;

public class RegisterAndSheetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_provider_postcode_is_normalised_and_a_bad_one_refused()
    {
        Assert.Equal("SG1 2FQ", Provider().Postcode);
        Assert.Throws<DomainRuleException>(() => Portal.Core.Providers.Provider.NormalisePostcode("12345"));
        Assert.Equal("EC1A 1BB", Portal.Core.Providers.Provider.NormalisePostcode("ec1a1bb"));
    }

    [Fact]
    public void A_CQC_location_id_must_look_like_one()
    {
        var p = Provider();
        Assert.Throws<DomainRuleException>(() => p.UpdateContacts("ABC", null, null, null));
        p.UpdateContacts("1-123456789", "Ann Lee", "Hills Surgery", null);
        Assert.Equal("1-123456789", p.CqcLocationId);
    }

    [Fact]
    public void Day_services_have_no_CQC_rating_and_an_older_rating_never_replaces_a_newer_one()
    {
        var day = new Provider(Guid.NewGuid(), "Oak Day Centre", ProviderKind.DayService, "2 Oak Road", null, "Luton", "LU1 1AA", "Oak CIC", "Luton BC");
        Assert.Null(day.CurrentCqcRating);
        Assert.Throws<DomainRuleException>(() => day.RecordCqcRating(CqcRating.Good, new DateOnly(2026, 1, 1)));

        var home = Provider();
        Assert.Equal(CqcRating.NotYetRated, home.CurrentCqcRating);
        home.RecordCqcRating(CqcRating.RequiresImprovement, new DateOnly(2026, 5, 1));
        Assert.Throws<DomainRuleException>(() => home.RecordCqcRating(CqcRating.Good, new DateOnly(2025, 5, 1)));
        Assert.Equal(CqcRating.RequiresImprovement, home.CurrentCqcRating);
    }

    [Theory]
    [InlineData("Care home with nursing", ProviderKind.CareHomeWithNursing)]
    [InlineData("home care AGENCY", ProviderKind.HomeCareAgency)]
    [InlineData("PersonalAssistants", ProviderKind.PersonalAssistants)]
    public void Spreadsheet_wording_of_a_service_type_is_understood(string text, ProviderKind expected)
    {
        Assert.True(ProviderText.TryParseKind(text, out var kind));
        Assert.Equal(expected, kind);
        Assert.False(ProviderText.TryParseKind("Hospital", out _));
    }

    [Fact]
    public void The_observation_sheet_has_the_appendix_questions_in_three_sections()
    {
        var q = ObservationSheetForm.Questions;
        Assert.Equal(21, q.Count);
        Assert.Equal(Enumerable.Range(1, 21), q.Select(x => x.Number));
        Assert.Equal(8, q.Count(x => x.Section == ObservationSheetForm.Environment));
        Assert.Equal(7, q.Count(x => x.Section == ObservationSheetForm.Staffing));
        Assert.Equal(6, q.Count(x => x.Section == ObservationSheetForm.Management));
        Assert.Single(q, x => x.Kind == ObservationAnswerKind.FreeText);
        Assert.Equal("What are your initial impressions?", q[0].Text);
        Assert.Equal("Any other issues you wish to raise?", q[^1].Text);
        Assert.Equal("Did staff ask permission to enter the person's room?", ObservationSheetForm.Question(11).Text);
    }

    private static ObservationSheet Sheet(Provider? provider, string? typedName, params ObservationAnswerInput[] answers) =>
        new(provider, typedName, new DateOnly(2026, 11, 20), Guid.NewGuid(), "Vic Shaw", "Police Community Support Officer", "Bedfordshire Police",
            Guid.NewGuid(), false, answers, Now);

    [Fact]
    public void Initial_impressions_are_free_text_and_the_rest_are_yes_or_no_with_comments()
    {
        var sheet = Sheet(Provider(), null,
            new ObservationAnswerInput(1, null, "Quiet, clean, welcoming.", null),
            new ObservationAnswerInput(13, true, null, "Bells rang for 10 minutes in the west wing."));
        Assert.Equal("Quiet, clean, welcoming.", sheet.InitialImpressions);
        Assert.Equal(1, sheet.YesNoAnsweredCount);

        Assert.Throws<DomainRuleException>(() => Sheet(Provider(), null, new ObservationAnswerInput(1, true, null, null)));
        Assert.Throws<DomainRuleException>(() => Sheet(Provider(), null, new ObservationAnswerInput(2, null, "Smelled of urine", null)));
        Assert.Throws<DomainRuleException>(() => Sheet(Provider(), null, new ObservationAnswerInput(22, true, null, null)));
        Assert.Throws<DomainRuleException>(() => Sheet(Provider(), null, new ObservationAnswerInput(2, true, null, null), new ObservationAnswerInput(2, false, null, null)));
    }

    [Fact]
    public void An_empty_sheet_or_a_visit_in_the_future_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => Sheet(Provider(), null, new ObservationAnswerInput(2, null, null, " ")));
        Assert.Throws<DomainRuleException>(() => new ObservationSheet(Provider(), null, new DateOnly(2026, 11, 30), null, "Vic Shaw", null, null,
            Guid.NewGuid(), false, [new ObservationAnswerInput(2, true, null, null)], Now));
    }

    [Fact]
    public void A_paper_sheet_keeps_its_real_author_and_visit_date_and_who_keyed_it()
    {
        var keyer = Guid.NewGuid();
        var sheet = new ObservationSheet(Provider(), null, new DateOnly(2026, 10, 2), null, "Dr Amy Khan", "GP", "Hills Surgery", keyer, true,
            [new ObservationAnswerInput(12, true, null, null)], Now);
        Assert.True(sheet.KeyedFromPaper);
        Assert.Equal(new DateOnly(2026, 10, 2), sheet.DateOfVisit);
        Assert.Equal("Dr Amy Khan", sheet.VisitCompletedByName);
        Assert.Null(sheet.AuthorUserId);
        Assert.Equal(keyer, sheet.KeyedInByUserId);
    }

    [Fact]
    public void A_sheet_for_a_home_typed_by_name_must_be_linked_before_it_is_acknowledged()
    {
        var sheet = Sheet(null, "Meadow View (Stevenage)", new ObservationAnswerInput(2, false, null, "Strong odour."));
        Assert.Null(sheet.ProviderId);
        Assert.Throws<DomainRuleException>(() => sheet.Acknowledge(Guid.NewGuid(), Now, null));
        var provider = Provider();
        sheet.LinkToProvider(provider);
        Assert.Equal(provider.LeadOrganisationId, sheet.LeadOrganisationId);
        sheet.Acknowledge(Guid.NewGuid(), Now, "Passed to contracts.");
        Assert.Equal(ObservationSheetStatus.Acknowledged, sheet.Status);
        Assert.Throws<DomainRuleException>(() => sheet.Acknowledge(Guid.NewGuid(), Now, null));
        Assert.Throws<DomainRuleException>(() => sheet.LinkToProvider(Provider()));
    }

    [Fact]
    public void A_PAMMS_assessment_rates_all_five_domains()
    {
        var provider = Provider();
        var four = Enum.GetValues<PammsDomain>().Take(4).ToDictionary(d => d, _ => PammsRating.Good);
        var ex = Assert.Throws<DomainRuleException>(() => new IntelligenceEntry(provider, IntelligenceKind.PammsAssessment, new DateOnly(2026, 6, 1),
            "Annual PAMMS visit.", null, "HCC", null, four, Guid.NewGuid(), Officer, Now));
        Assert.Contains("Quality of Management", ex.Message);

        var all = Enum.GetValues<PammsDomain>().ToDictionary(d => d, d => d == PammsDomain.SafeguardingAndSafety ? PammsRating.Poor : PammsRating.Good);
        var entry = new IntelligenceEntry(provider, IntelligenceKind.PammsAssessment, new DateOnly(2026, 6, 1), "Annual PAMMS visit.", null, "HCC", null, all,
            Guid.NewGuid(), Officer, Now);
        Assert.Equal(5, entry.PammsRatings.Count);
        Assert.Equal(PammsRating.Poor, entry.PammsRatings.Single(r => r.Domain == PammsDomain.SafeguardingAndSafety).Rating);
    }

    [Fact]
    public void A_CQC_inspection_entry_needs_a_rating_and_updates_the_register()
    {
        var provider = Provider();
        Assert.Throws<DomainRuleException>(() => new IntelligenceEntry(provider, IntelligenceKind.CqcInspection, new DateOnly(2026, 6, 1),
            "Unannounced inspection.", null, "CQC", null, null, Guid.NewGuid(), Officer, Now));
        Assert.Throws<DomainRuleException>(() => new IntelligenceEntry(provider, IntelligenceKind.Complaint, new DateOnly(2026, 6, 1),
            "Complaint.", null, null, CqcRating.Good, null, Guid.NewGuid(), Officer, Now));
        new IntelligenceEntry(provider, IntelligenceKind.CqcInspection, new DateOnly(2026, 6, 1), "Unannounced inspection.", null, "CQC",
            CqcRating.Inadequate, null, Guid.NewGuid(), Officer, Now);
        Assert.Equal(CqcRating.Inadequate, provider.CurrentCqcRating);
        Assert.Equal(new DateOnly(2026, 6, 1), provider.CqcRatingDate);
    }
}
