using System.Linq.Expressions;
using Portal.App.Auth;
using Portal.Core.Audits;
using Portal.Core.Organisations;

namespace Portal.App.Features.Audits;

/// <summary>
/// Who may see which audits, applied inside every query: practitioners their own, auditors their
/// allocations, moderators what they moderate, managers their teams', Quality Leads their organisation's,
/// and the AMHP Lead / EDT Manager the audits that raised a risk alert. Never across organisations.
/// </summary>
public static class AuditAccess
{
    public static IQueryable<CaseAudit> VisibleTo(this IQueryable<CaseAudit> audits, UserContext me) =>
        audits.Where(Rule(me));

    public static Expression<Func<CaseAudit, bool>> Rule(UserContext me)
    {
        var org = me.OrganisationId ?? Guid.Empty;
        var userId = me.UserId;
        var wholeOrganisation = me.IsInRole(PortalRole.QualityLead);
        var teams = me.IsInAnyRole(PortalRole.TeamManager, PortalRole.ServiceManager) ? me.TeamIds.ToList() : [];
        var alerts = me.IsInRole(PortalRole.AmhpLead);
        return a => a.OrganisationId == org && (
            wholeOrganisation
            || a.PractitionerUserId == userId
            || a.AuditorId == userId
            || a.ModeratorId == userId
            || teams.Contains(a.TeamId)
            || (alerts && a.RiskAlertRaisedAt != null));
    }

    /// <summary>Whether the person sees the auditor's side (grade, feedback) of a visible audit right now.</summary>
    public static bool SeesOutcome(CaseAudit audit, UserContext me) =>
        audit.PractitionerUserId != me.UserId || audit.OutcomeVisibleToPractitioner;

    public static Guid RequireOrganisation(this UserContext me) =>
        me.OrganisationId ?? throw new UnauthorizedAccessException("You are not in an organisation.");
}
