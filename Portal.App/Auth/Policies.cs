using Microsoft.AspNetCore.Authorization;
using Portal.Core.Organisations;

namespace Portal.App.Auth;

/// <summary>
/// Named authorisation policies. Pages declare one with [Authorize(Policy = ...)] and feature services check
/// the same rule again on the server before every data change.
/// </summary>
public static class Policies
{
    /// <summary>Signed in, with or without a role (the "awaiting access" page).</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Signed in with at least one portal role.</summary>
    public const string PortalUser = nameof(PortalUser);
    public const string Administer = nameof(Administer);
    public const string ViewAuditTrail = nameof(ViewAuditTrail);

    // Case audits (issue 3).
    public const string ManageAuditTemplates = nameof(ManageAuditTemplates);
    public const string ManageAuditCycles = nameof(ManageAuditCycles);
    public const string ConductAudits = nameof(ConductAudits);
    public const string ModerateAudits = nameof(ModerateAudits);
    public const string ViewOwnAudits = nameof(ViewOwnAudits);
    public const string ViewAuditReports = nameof(ViewAuditReports);
    public const string AcknowledgeAuditAlerts = nameof(AcknowledgeAuditAlerts);

    public static void Register(AuthorizationOptions options)
    {
        static string[] Roles(params PortalRole[] roles) => roles.Select(r => r.ToString()).ToArray();
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(PortalUser, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.All.Select(r => r.ToString())));
        options.AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Administrator)));
        options.AddPolicy(ViewAuditTrail, p => p.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.Administrator)));
        options.AddPolicy(ManageAuditTemplates, p => p.RequireAuthenticatedUser().RequireRole(Roles(PortalRole.QualityLead, PortalRole.Administrator)));
        options.AddPolicy(ManageAuditCycles, p => p.RequireAuthenticatedUser().RequireRole(Roles(PortalRole.QualityLead, PortalRole.BusinessSupport, PortalRole.Administrator)));
        options.AddPolicy(ConductAudits, p => p.RequireAuthenticatedUser().RequireRole(Roles(PortalRole.Auditor, PortalRole.QualityLead, PortalRole.TeamManager, PortalRole.ServiceManager)));
        options.AddPolicy(ModerateAudits, p => p.RequireAuthenticatedUser().RequireRole(Roles(PortalRole.QualityLead)));
        options.AddPolicy(ViewOwnAudits, p => p.RequireAuthenticatedUser().RequireRole(Roles(PortalRole.Practitioner, PortalRole.Auditor, PortalRole.QualityLead,
            PortalRole.TeamManager, PortalRole.ServiceManager, PortalRole.BusinessSupport, PortalRole.Administrator, PortalRole.AmhpLead)));
        options.AddPolicy(ViewAuditReports, p => p.RequireAuthenticatedUser().RequireRole(Roles(PortalRole.QualityLead, PortalRole.ServiceManager, PortalRole.TeamManager,
            PortalRole.BusinessSupport, PortalRole.AmhpLead)));
        options.AddPolicy(AcknowledgeAuditAlerts, p => p.RequireAuthenticatedUser().RequireRole(Roles(PortalRole.AmhpLead)));
    }
}
