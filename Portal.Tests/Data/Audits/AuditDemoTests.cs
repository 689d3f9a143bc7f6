using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Data;
using Portal.App.Data.Demo;
using Portal.App.Features.Audits;
using Portal.Core.Audits;
using Portal.Core.Organisations;
using Portal.Tests.Support;
using Xunit;
using static Portal.Tests.Data.Audits.AuditTestData;

namespace Portal.Tests.Data.Audits;

public class AuditDemoTests
{
    [Fact]
    public async Task The_demo_has_a_finished_verifiable_moderated_cycle_and_seeding_twice_adds_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await app.Run(async sp => { await sp.GetRequiredService<DemoData>().SeedAsync(); return 0; });
        await using (var db = await app.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.AuditCycles.CountAsync(c => c.Name == AuditDemo.FinishedCycleName));
            Assert.Equal(20, await db.CaseAudits.CountAsync(a => db.AuditCycles.Any(c => c.Id == a.CycleId && c.Name == AuditDemo.FinishedCycleName)));
        }
        await As(app, PortalRole.QualityLead, async sp =>
        {
            var reports = sp.GetRequiredService<AuditReportsService>();
            var cycle = (await reports.CyclesAsync()).Single(c => c.Name == AuditDemo.FinishedCycleName);
            Assert.Equal(CycleStatus.Closed, cycle.Status);
            var s = (await reports.CycleAsync(cycle.Id))!.Summary;
            Assert.Equal(20, s.Completed);
            Assert.Equal(4, s.Moderated);
            Assert.Equal(1, s.Grades.Single(g => g.Grade == AuditGrade.RequiresImprovement).Count);
            Assert.All(AuditGrades.All, g => Assert.True(s.Grades.Single(x => x.Grade == g).Count > 0));
            Assert.NotEmpty(s.Themes);
            Assert.True((await sp.GetRequiredService<CasePoolService>().VerifyAsync(cycle.Id)).Verified);
            Assert.Contains(await sp.GetRequiredService<AuditReviewListService>().ListAsync(), r => r.CycleName == AuditDemo.FinishedCycleName && r.Status == "Open");
            return 0;
        });
        await As(app, PortalRole.Practitioner, async sp =>
        {
            var work = await sp.GetRequiredService<AuditFeedbackService>().MyWorkAsync();
            Assert.NotEmpty(work.ReflectionsOwed);
            return 0;
        });
    }
}
