using Portal.Core;
using Portal.Core.Organisations;

namespace Portal.Tests.Core.Organisations;

public class PortalUserTests
{
    private static readonly Organisation Council = new("Central Bedfordshire Council", OrganisationKind.LocalAuthority);

    private static PortalUser NewUser() => new("Priya Patel", " Priya.Patel@Example.org ", Council);

    [Fact]
    public void A_new_user_is_enabled_with_a_normalised_email_and_no_access_until_given_a_role()
    {
        var user = NewUser();

        Assert.True(user.IsEnabled);
        Assert.Equal("priya.patel@example.org", user.Email);
        Assert.False(user.HasAccess);
        user.GrantRole(PortalRole.Practitioner);
        Assert.True(user.HasAccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("two@@example.org")]
    [InlineData("trailing@")]
    public void An_invalid_email_is_refused_in_plain_english(string email)
    {
        var ex = Assert.Throws<DomainRuleException>(() => new PortalUser("Priya Patel", email, Council));
        Assert.Contains("Email", ex.Message);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => new PortalUser(new string('a', PortalUser.DisplayNameMaxLength + 1), "a@b.org", Council));
        Assert.Equal("Name must be 150 characters or fewer.", ex.Message);
    }

    [Fact]
    public void Granting_a_role_twice_is_an_error_not_a_silent_no_op()
    {
        var user = NewUser();
        user.GrantRole(PortalRole.Auditor);

        var ex = Assert.Throws<DomainRuleException>(() => user.GrantRole(PortalRole.Auditor));
        Assert.Contains("already has the Auditor role", ex.Message);
    }

    [Fact]
    public void Every_access_change_changes_the_security_stamp_so_open_sessions_are_rechecked()
    {
        var user = NewUser();
        var team = new Team(Council, "AMHP Service (day)");
        var stamps = new List<string> { user.SecurityStamp };

        user.GrantRole(PortalRole.Practitioner);
        stamps.Add(user.SecurityStamp);
        user.JoinTeam(team);
        stamps.Add(user.SecurityStamp);
        user.LeaveTeam(team.Id);
        stamps.Add(user.SecurityStamp);
        user.Disable();
        stamps.Add(user.SecurityStamp);

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }

    [Fact]
    public void Details_changes_do_not_change_the_security_stamp()
    {
        var user = NewUser();
        var before = user.SecurityStamp;

        user.UpdateDetails("Priya Patel-Jones", "priya@example.org", "AMHP");

        Assert.Equal(before, user.SecurityStamp);
    }

    [Fact]
    public void A_user_cannot_join_a_team_of_another_organisation()
    {
        var user = NewUser();
        var otherTeam = new Team(new Organisation("Luton Borough Council", OrganisationKind.LocalAuthority), "Luton AMHP Team");

        var ex = Assert.Throws<DomainRuleException>(() => user.JoinTeam(otherTeam));
        Assert.Contains("own organisation", ex.Message);
    }

    [Fact]
    public void Moving_organisation_drops_the_old_organisations_teams()
    {
        var user = NewUser();
        user.JoinTeam(new Team(Council, "Dunstable Locality Team"));

        user.MoveToOrganisation(new Organisation("Bedford Borough Council", OrganisationKind.LocalAuthority));

        Assert.Empty(user.Teams);
    }

    [Fact]
    public void Roles_asserted_by_the_identity_provider_replace_the_stored_roles()
    {
        var user = NewUser();
        user.GrantRole(PortalRole.Practitioner);
        user.GrantRole(PortalRole.Auditor);

        var changed = user.SyncRolesFromIdentityProvider([PortalRole.Auditor, PortalRole.TeamManager]);

        Assert.True(changed);
        Assert.Equal([PortalRole.Auditor, PortalRole.TeamManager], user.Roles.Select(r => r.Role).Order());
        Assert.False(user.SyncRolesFromIdentityProvider([PortalRole.TeamManager, PortalRole.Auditor]));
    }

    [Fact]
    public void An_identity_already_linked_cannot_be_relinked_to_another_account()
    {
        var user = NewUser();
        user.LinkExternalIdentity("subject-1");

        Assert.Throws<DomainRuleException>(() => user.LinkExternalIdentity("subject-2"));
    }

    [Fact]
    public void Teams_cannot_be_added_to_an_inactive_organisation()
    {
        var organisation = new Organisation("Closed Trust", OrganisationKind.NhsTrust);
        organisation.Deactivate();

        Assert.Throws<DomainRuleException>(() => new Team(organisation, "Any team"));
        Assert.Throws<DomainRuleException>(organisation.Deactivate);
    }
}

public class PortalRoleTests
{
    [Theory]
    [InlineData("TeamManager", PortalRole.TeamManager)]
    [InlineData("teammanager", PortalRole.TeamManager)]
    [InlineData("Portal.Administrator", PortalRole.Administrator)]
    [InlineData(" portal.qualitylead ", PortalRole.QualityLead)]
    public void Identity_provider_role_values_map_to_portal_roles(string value, PortalRole expected) =>
        Assert.Equal(expected, PortalRoles.FromClaimValue(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Global Administrator")]
    [InlineData("7")]
    [InlineData("Portal.")]
    public void Unknown_role_values_grant_nothing(string? value) => Assert.Null(PortalRoles.FromClaimValue(value));

    [Fact]
    public void Every_role_has_a_plain_english_name()
    {
        foreach (var role in PortalRoles.All)
            Assert.DoesNotMatch("^[A-Z][a-z]+[A-Z]", role.Describe());
    }
}
