using Portal.App.Components.Layout;
using Portal.App.Components.Shared;
using Portal.Core.Organisations;
using Portal.Tests.Support;

namespace Portal.Tests.Components;

public class LayoutComponentTests
{
    [Fact]
    public async Task The_navigation_shows_administration_only_to_administrators()
    {
        var practitionerNav = await ComponentHost.RenderAsync<NavMenu>(ComponentHost.UserWith(PortalRole.Practitioner));
        var adminNav = await ComponentHost.RenderAsync<NavMenu>(ComponentHost.UserWith(PortalRole.Administrator));

        Assert.Contains("My work", practitionerNav);
        Assert.DoesNotContain("/admin/users", practitionerNav);
        Assert.Contains("href=\"/admin/users\"", adminNav);
        Assert.Contains("href=\"/admin/audit\"", adminNav);
        Assert.Contains("aria-label=\"Main\"", adminNav);
    }

    [Fact]
    public async Task A_signed_in_person_without_a_role_gets_no_module_links()
    {
        var nav = await ComponentHost.RenderAsync<NavMenu>(ComponentHost.UserWith());

        Assert.DoesNotContain("My work", nav);
    }

    [Fact]
    public async Task A_form_error_is_announced_as_an_alert_and_success_as_a_status()
    {
        var error = await ComponentHost.RenderAsync<FormMessage>(ComponentHost.UserWith(), new Dictionary<string, object?> { ["Error"] = "Enter the team's name." });
        var success = await ComponentHost.RenderAsync<FormMessage>(ComponentHost.UserWith(), new Dictionary<string, object?> { ["Success"] = "Saved." });

        Assert.Contains("role=\"alert\"", error);
        Assert.Contains("Enter the team&#x27;s name.", error);
        Assert.Contains("role=\"status\"", success);
        Assert.DoesNotContain("role=\"alert\"", success);
    }
}
