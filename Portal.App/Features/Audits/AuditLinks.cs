namespace Portal.App.Features.Audits;

/// <summary>Addresses of the audit pages, used by notifications and links so they stay in one place.</summary>
public static class AuditLinks
{
    public const string MyAudits = "/audits/mine";
    public const string Moderation = "/audits/moderation";
    public const string ReviewList = "/audits/review-list";
    public const string Cycles = "/audits/cycles";

    public static string Form(Guid auditId) => $"/audits/{auditId}/form";

    public static string View(Guid auditId) => $"/audits/{auditId}";

    public static string Cycle(Guid cycleId) => $"/audits/cycles/{cycleId}";
}
