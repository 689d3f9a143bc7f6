using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.App.Data;
using Portal.App.Features.Providers;
using Portal.Core.Organisations;
using Portal.Core.Providers;
using Portal.Tests.Support;
using Xunit;

namespace Portal.Tests.Data.Providers;

public class ProviderDemoTests
{
    [Fact]
    public async Task Demo_data_has_a_provider_at_every_stage_and_seeding_twice_adds_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await using (var scope = app.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();

        await using var db = await app.CreateDbContextAsync();
        var stages = await db.QualityProcesses.IgnoreAutoIncludes().Select(q => q.Stage).ToListAsync();
        foreach (var stage in new[] { ProcessStage.Prevention, ProcessStage.QualityAssurance, ProcessStage.MultiAgencyDecision,
                     ProcessStage.SafetyAndImprovement, ProcessStage.Closure, ProcessStage.Completed })
            Assert.Contains(stage, stages);
        Assert.Equal(8, await db.Providers.CountAsync());
        Assert.Equal(7, stages.Count);

        await app.SignInAs(PortalRole.QualityLead);
        await using var boardScope = app.CreateScope();
        var board = await boardScope.ServiceProvider.GetRequiredService<DeadlineBoard>().QueryAsync(new(null, 0, 200));
        Assert.Single(board.ReportToSqig);
        Assert.True(board.Due + board.DueSoon + board.Overdue > 0);
    }
}
