using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Data;
using Portal.App.Features.Providers;
using Portal.Core.Organisations;
using Portal.Core.Providers;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.Providers.ProviderDataTests;

namespace Portal.Tests.Data.Providers;

public class ObservationSheetDataTests
{
    private static readonly ObservationAnswerInput[] Answers =
    [
        new(1, null, "Quiet lounge, strong odour near the lift.", null),
        new(2, false, null, "Strong odour on the first floor."),
        new(13, true, null, "Bells rang for over ten minutes."),
    ];

    [Fact]
    public async Task A_visiting_professional_submits_a_sheet_that_lands_in_the_quality_teams_inbox_with_a_notification()
    {
        await using var app = await TestApp.StartAsync();
        var providerId = await CreateProviderAsync(app, "Inbox Home");
        var pcso = await app.SignInAs(PortalRole.VisitingProfessional);
        Guid sheetId;
        await using (var scope = app.CreateScope())
        {
            var sheets = scope.ServiceProvider.GetRequiredService<ObservationSheets>();
            var (result, id) = await sheets.SubmitAsync(new(providerId, null, new DateOnly(2026, 11, 20), Answers));
            Assert.True(result.Succeeded, result.Error);
            sheetId = id!.Value;
            var mine = await sheets.GetAsync(sheetId);
            Assert.Equal("Vic Shaw", mine!.VisitCompletedBy);
            Assert.Equal("Police Community Support Officer", mine.Role);
            Assert.Equal("Bedfordshire Police", mine.Organisation);
            Assert.Equal("Inbox Home", mine.NameOfHome);
            Assert.Equal(3, mine.Answers.Count);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<CareConcernsInbox>().ListAsync(new(null, 0, 10)));
        }

        await using (var db = await app.CreateDbContextAsync())
        {
            var quality = await db.Users.SingleAsync(u => u.Email == DemoData.EmailFor(PortalRole.QualityLead));
            Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == quality.Id && n.Link == $"/providers/inbox/{sheetId}"));
            Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == pcso.UserId && n.Link == $"/providers/inbox/{sheetId}"));
        }

        await app.SignInAs(PortalRole.QualityLead);
        await using (var scope = app.CreateScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<CareConcernsInbox>();
            var (rows, _) = await inbox.ListAsync(new(ObservationSheetStatus.Received, 0, 10));
            var row = rows.Single(r => r.Id == sheetId);
            Assert.Equal(1, row.NoAnswers);
            Assert.True((await inbox.AcknowledgeAsync(sheetId, row.Version, "Passed to the contracts officer.")).Succeeded);
            var (received, _) = await inbox.ListAsync(new(ObservationSheetStatus.Received, 0, 10));
            Assert.DoesNotContain(received, r => r.Id == sheetId);
            var timeline = await scope.ServiceProvider.GetRequiredService<ProviderIntelligence>().TimelineAsync(providerId);
            Assert.Contains(timeline, t => t.Kind == ProviderIntelligence.TimelineKind.ObservationSheet && t.Title.Contains("Vic Shaw"));
        }

        await app.SignInAs(await OtherOrganisationUserAsync(app, PortalRole.QualityLead));
        await using (var scope = app.CreateScope())
        {
            var (theirs, _) = await scope.ServiceProvider.GetRequiredService<CareConcernsInbox>().ListAsync(new(null, 0, 50));
            Assert.DoesNotContain(theirs, r => r.Id == sheetId);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ObservationSheets>().GetAsync(sheetId));
        }
    }

    [Fact]
    public async Task A_paper_sheet_is_keyed_in_with_its_real_visit_date_and_author_then_linked_and_an_action_raised()
    {
        await using var app = await TestApp.StartAsync();
        var providerId = await CreateProviderAsync(app, "Paper Home");
        var keyer = await app.SignInAs(PortalRole.BusinessSupport);
        await using var scope = app.CreateScope();
        var sheets = scope.ServiceProvider.GetRequiredService<ObservationSheets>();
        var (result, id) = await sheets.KeyInPaperSheetAsync(new(null, "Paper Home (typed from the sheet)", new DateOnly(2026, 10, 2), Answers),
            new ObservationSheets.PaperAuthor("Dr Amy Khan", "GP", "Hills Surgery"));
        Assert.True(result.Succeeded, result.Error);
        var sheet = (await sheets.GetAsync(id!.Value))!;
        Assert.True(sheet.KeyedFromPaper);
        Assert.Equal(new DateOnly(2026, 10, 2), sheet.DateOfVisit);
        Assert.Equal("Dr Amy Khan", sheet.VisitCompletedBy);
        Assert.Equal("Beth Clarke", sheet.KeyedInBy);
        Assert.Null(sheet.ProviderId);

        var inbox = scope.ServiceProvider.GetRequiredService<CareConcernsInbox>();
        var refused = await inbox.AcknowledgeAsync(sheet.Id, sheet.Version, null);
        Assert.Contains("Link the sheet", refused.Error);
        Assert.True((await inbox.LinkAsync(sheet.Id, sheet.Version, providerId)).Succeeded);

        var colleague = (await inbox.ColleaguesAsync()).Single(c => c.Name == "Grace Okafor");
        Assert.True((await inbox.RaiseActionAsync(sheet.Id, colleague.Id, "Arrange a monitoring visit to Paper Home")).Succeeded);
        await using var db = await app.CreateDbContextAsync();
        var action = await db.Notifications.SingleAsync(n => n.RecipientId == colleague.Id && n.Title == "Arrange a monitoring visit to Paper Home");
        Assert.True(action.RequiresAcknowledgement);
        Assert.Equal($"/providers/{providerId}", action.Link);
        Assert.NotEqual(keyer.UserId, colleague.Id);
    }

    [Fact]
    public async Task A_visiting_professional_cannot_key_in_paper_sheets_or_read_someone_elses_sheet()
    {
        await using var app = await TestApp.StartAsync();
        var providerId = await CreateProviderAsync(app, "Private Home");
        await app.SignInAs(PortalRole.QualityLead);
        Guid id;
        await using (var scope = app.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<ObservationSheets>().SubmitAsync(new(providerId, null, new DateOnly(2026, 11, 20), Answers))).Id!.Value;

        await app.SignInAs(PortalRole.VisitingProfessional);
        await using (var scope = app.CreateScope())
        {
            var sheets = scope.ServiceProvider.GetRequiredService<ObservationSheets>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                sheets.KeyInPaperSheetAsync(new(providerId, null, new DateOnly(2026, 11, 20), Answers), new("X", null, null)));
            Assert.Null(await sheets.GetAsync(id));
        }
    }

    [Fact]
    public async Task Intelligence_with_a_PAMMS_assessment_and_a_CQC_rating_appears_on_the_timeline_and_updates_the_register()
    {
        await using var app = await TestApp.StartAsync();
        var providerId = await CreateProviderAsync(app, "Rated Home");
        await using var scope = app.CreateScope();
        var intelligence = scope.ServiceProvider.GetRequiredService<ProviderIntelligence>();
        var ratings = Enum.GetValues<PammsDomain>().ToDictionary(d => d, _ => PammsRating.RequiresImprovement);
        Assert.True((await intelligence.AddAsync(providerId, new(IntelligenceKind.PammsAssessment, new DateOnly(2026, 9, 1), "Annual PAMMS visit.", null, "Contracts team", null, ratings))).Result.Succeeded);
        Assert.True((await intelligence.AddAsync(providerId, new(IntelligenceKind.CqcInspection, new DateOnly(2026, 10, 1), "Unannounced inspection.", null, "CQC", CqcRating.Inadequate, null))).Result.Succeeded);
        var (bad, _) = await intelligence.AddAsync(providerId, new(IntelligenceKind.PammsAssessment, new DateOnly(2026, 9, 1), "Partial.", null, null, null, null));
        Assert.Contains("all five domains", bad.Error);

        var timeline = await intelligence.TimelineAsync(providerId);
        Assert.Equal("CQC inspection", timeline[0].Label);
        Assert.Contains("Quality of Management: Requires Improvement", timeline[1].Detail);
        var detail = await scope.ServiceProvider.GetRequiredService<ProviderRegister>().GetAsync(providerId);
        Assert.Equal(CqcRating.Inadequate, detail!.Rating);
    }
}
