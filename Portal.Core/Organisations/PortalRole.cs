namespace Portal.Core.Organisations;

/// <summary>
/// The portal's roles. The names are stored as strings and are the values of Entra ID app roles
/// (optionally prefixed "Portal."), so renaming one is a data migration and a tenant change.
/// </summary>
public enum PortalRole
{
    Practitioner,
    Auditor,
    TeamManager,
    QualityLead,
    ServiceManager,
    BusinessSupport,
    Administrator,
    VisitingProfessional,

    /// <summary>The AMHP Lead or EDT Manager: receives "person left at risk / legal failing" audit alerts (seed 000 §4.5).</summary>
    AmhpLead,
}

public static class PortalRoles
{
    public static IReadOnlyList<PortalRole> All { get; } = Enum.GetValues<PortalRole>();

    public static string Describe(this PortalRole role) => role switch
    {
        PortalRole.Practitioner => "Practitioner",
        PortalRole.Auditor => "Auditor",
        PortalRole.TeamManager => "Team Manager",
        PortalRole.QualityLead => "Quality Lead",
        PortalRole.ServiceManager => "Service Manager",
        PortalRole.BusinessSupport => "Business Support",
        PortalRole.Administrator => "Administrator",
        PortalRole.VisitingProfessional => "Visiting Professional",
        PortalRole.AmhpLead => "AMHP Lead / EDT Manager",
        _ => role.ToString(),
    };

    /// <summary>
    /// Maps an identity provider's role value to a portal role. Accepts the enum name or "Portal."+name,
    /// in any case; anything else is ignored so an unrelated app role never grants access.
    /// </summary>
    public static PortalRole? FromClaimValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var name = value.Trim();
        if (name.StartsWith("Portal.", StringComparison.OrdinalIgnoreCase))
            name = name["Portal.".Length..];
        // Names only: Enum.TryParse would also accept "7" and hand out whichever role has that number.
        if (name.Length == 0 || !name.All(char.IsAsciiLetter))
            return null;
        return Enum.TryParse<PortalRole>(name, ignoreCase: true, out var role) ? role : null;
    }
}
