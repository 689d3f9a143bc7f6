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
    /// <summary>Read action plans owned by the person's organisation (every role except Visiting Professional).</summary>
    public const string ViewActionPlans = nameof(ViewActionPlans);

    /// <summary>Create, import and change plans and their actions, and use the RAG boards.</summary>
    public const string EditActionPlans = nameof(EditActionPlans);

    public static readonly PortalRole[] ActionPlanEditorRoles =
        [PortalRole.TeamManager, PortalRole.ServiceManager, PortalRole.QualityLead, PortalRole.BusinessSupport, PortalRole.Administrator];
    /// <summary>Fill in a multi-agency observation sheet: everyone who visits a home, Visiting Professionals included.</summary>
    public const string SubmitObservation = nameof(SubmitObservation);

    /// <summary>See the care provider register, provider timelines and processes of one's own organisation.</summary>
    public const string ViewProviders = nameof(ViewProviders);

    /// <summary>Run care provider quality: the inbox, QAM/MDMM/Safety and Improvement Process, risk template, letters.</summary>
    public const string ManageProviderQuality = nameof(ManageProviderQuality);

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
        options.AddPolicy(ViewActionPlans, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.All.Where(r => r != PortalRole.VisitingProfessional).Select(r => r.ToString())));
        options.AddPolicy(EditActionPlans, p => p.RequireAuthenticatedUser().RequireRole(ActionPlanEditorRoles.Select(r => r.ToString())));
        options.AddPolicy(SubmitObservation, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.All.Select(r => r.ToString())));
        options.AddPolicy(ViewProviders, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.All.Where(r => r != PortalRole.VisitingProfessional).Select(r => r.ToString())));
        options.AddPolicy(ManageProviderQuality, p => p.RequireAuthenticatedUser().RequireRole(nameof(PortalRole.QualityLead), nameof(PortalRole.ServiceManager),
            nameof(PortalRole.TeamManager), nameof(PortalRole.BusinessSupport), nameof(PortalRole.Administrator)));
    }
}
