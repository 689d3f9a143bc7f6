using Microsoft.EntityFrameworkCore;
using Portal.App.Auth;
using Portal.App.Features;
using Portal.App.Features.Admin;
using Portal.App.Features.Dashboard;
using Portal.Core.Organisations;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

public class AdminTests
{
    [Fact]
    public async Task Two_administrators_editing_the_same_user_cannot_overwrite_each_other()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.Administrator);
        await using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var (rows, _) = await users.SearchAsync(new UserAdmin.UserQuery("Priya", null, null, 0, 10));
        var priya = (await users.GetAsync(rows.Single().Id))!;

        var first = await users.UpdateAsync(priya.Id, priya.Version, "Priya Patel", priya.Email, "Senior AMHP", priya.OrganisationId!.Value, priya.TeamIds, priya.Roles, true);
        var second = await users.UpdateAsync(priya.Id, priya.Version, "Priya P.", priya.Email, priya.JobTitle, priya.OrganisationId!.Value, priya.TeamIds, priya.Roles, true);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(ServiceResultExtensions.ConcurrencyMessage, second.Error);
        Assert.Equal("Senior AMHP", (await users.GetAsync(priya.Id))!.JobTitle);
    }

    [Fact]
    public async Task A_rule_breach_comes_back_as_a_form_error_and_saves_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.Administrator);
        await using var scope = app.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationAdmin>();
        var before = (await organisations.ListAsync()).Count;

        var result = await organisations.CreateAsync("   ", OrganisationKind.Other);
        var duplicate = await organisations.CreateAsync("Luton Borough Council", OrganisationKind.LocalAuthority);

        Assert.Equal("Organisation name is required.", result.Error);
        Assert.Equal("A record with that name already exists.", duplicate.Error);
        Assert.Equal(before, (await organisations.ListAsync()).Count);
    }

    [Theory]
    [InlineData(PortalRole.Practitioner)]
    [InlineData(PortalRole.TeamManager)]
    [InlineData(PortalRole.QualityLead)]
    [InlineData(PortalRole.VisitingProfessional)]
    public async Task Only_administrators_can_change_organisations_and_users(PortalRole role)
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(role);
        await using var scope = app.CreateScope();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<OrganisationAdmin>().CreateAsync("Sneaky Org", OrganisationKind.Other));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<UserAdmin>().SearchAsync(new UserAdmin.UserQuery(null, null, null, 0, 10)));
    }

    [Fact]
    public async Task Disabling_a_user_makes_their_existing_session_invalid()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.Practitioner);
        var practitionerSession = app.Principal;
        await app.SignInAs(PortalRole.Administrator);
        await using var scope = app.CreateScope();
        var principals = scope.ServiceProvider.GetRequiredService<PrincipalFactory>();
        Assert.True(await principals.IsCurrentAsync(practitionerSession));

        var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var id = UserContext.FromPrincipal(practitionerSession)!.UserId;
        var priya = (await users.GetAsync(id))!;
        Assert.True((await users.UpdateAsync(id, priya.Version, priya.DisplayName, priya.Email, priya.JobTitle, priya.OrganisationId!.Value, priya.TeamIds, priya.Roles, enabled: false)).Succeeded);

        Assert.False(await principals.IsCurrentAsync(practitionerSession));
        Assert.Null(await principals.CreateAsync(id, "test"));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        await using var app = await TestApp.StartAsync();
        var me = await app.SignInAs(PortalRole.Administrator);
        await using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var self = (await users.GetAsync(me.UserId))!;

        var result = await users.UpdateAsync(me.UserId, self.Version, self.DisplayName, self.Email, self.JobTitle, self.OrganisationId!.Value, [], [PortalRole.Practitioner], true);

        Assert.Contains("your own Administrator role", result.Error);
    }

    [Fact]
    public async Task A_person_sees_and_acknowledges_only_their_own_notifications()
    {
        await using var app = await TestApp.StartAsync();
        await app.SignInAs(PortalRole.TeamManager);
        await using var managerScope = app.CreateScope();
        var managerItems = await managerScope.ServiceProvider.GetRequiredService<MyWork>().OpenNotificationsAsync();
        var item = Assert.Single(managerItems);
        Assert.True(item.RequiresAcknowledgement);

        await app.SignInAs(PortalRole.Practitioner);
        await using (var practitionerScope = app.CreateScope())
        {
            var work = practitionerScope.ServiceProvider.GetRequiredService<MyWork>();
            Assert.DoesNotContain(await work.OpenNotificationsAsync(), n => n.Id == item.Id);
            Assert.False((await work.AcknowledgeAsync(item.Id)).Succeeded);
        }

        await app.SignInAs(PortalRole.TeamManager);
        await using var again = app.CreateScope();
        var mine = again.ServiceProvider.GetRequiredService<MyWork>();
        Assert.True((await mine.AcknowledgeAsync(item.Id)).Succeeded);
        Assert.Empty(await mine.OpenNotificationsAsync());
        await using var db = await app.CreateDbContextAsync();
        Assert.NotNull((await db.Notifications.SingleAsync(n => n.Id == item.Id)).AcknowledgedAt);
    }

    [Fact]
    public async Task Seeding_demo_data_twice_adds_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = await app.CreateDbContextAsync();
        var counts = (await db.Organisations.CountAsync(), await db.Teams.CountAsync(), await db.Users.CountAsync());

        await app.Run(async sp => { await sp.GetRequiredService<Portal.App.Data.DemoData>().SeedAsync(); return 0; });

        Assert.Equal(counts, (await db.Organisations.CountAsync(), await db.Teams.CountAsync(), await db.Users.CountAsync()));
        Assert.Equal(PortalRoles.All.Count, counts.Item3);
    }
}
