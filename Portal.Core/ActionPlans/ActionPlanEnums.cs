namespace Portal.Core.ActionPlans;

/// <summary>What kind of plan this is; decides which columns the plan page and spreadsheets show.</summary>
public enum ActionPlanType
{
    /// <summary>A partnership plan such as the Crisis Care Concordat action plan.</summary>
    StrategicPlan,

    /// <summary>The recommendations of a serious-incident (SIRI) review, each with its actions.</summary>
    SeriousIncidentRecommendations,

    /// <summary>Improvements after an audit, for example a "Requires improvement" grade.</summary>
    AuditImprovement,

    /// <summary>A care provider's service improvement plan from the Safety and Improvement Process.</summary>
    ProviderServiceImprovementPlan,
}

public enum ActionPlanStatus
{
    Draft,
    Active,
    Closed,
}

/// <summary>Whether an action is for one area or the whole county (Bedfordshire and Luton in seed 002).</summary>
public enum ActionScope
{
    Local,
    Countywide,
}

/// <summary>Where an action or plan came from, so people can follow it back.</summary>
public enum ActionSourceType
{
    Audit,
    Meeting,
    QiProject,
}

public static class ActionPlanWords
{
    public static string Describe(this ActionPlanType type) => type switch
    {
        ActionPlanType.StrategicPlan => "Strategic plan",
        ActionPlanType.SeriousIncidentRecommendations => "Serious-incident recommendations",
        ActionPlanType.AuditImprovement => "Audit improvement plan",
        ActionPlanType.ProviderServiceImprovementPlan => "Provider service improvement plan",
        _ => type.ToString(),
    };

    public static string Describe(this ActionPlanStatus status) => status switch
    {
        ActionPlanStatus.Draft => "Draft",
        ActionPlanStatus.Active => "Active",
        ActionPlanStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    /// <summary>Lower case, as the seed writes it in its tables ("local", "countywide").</summary>
    public static string Describe(this ActionScope scope) => scope switch
    {
        ActionScope.Local => "Local",
        ActionScope.Countywide => "Countywide",
        _ => scope.ToString(),
    };

    public static bool TryParseScope(string? text, out ActionScope scope)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "local":
                scope = ActionScope.Local;
                return true;
            case "countywide":
            case "county wide":
            case "county-wide":
                scope = ActionScope.Countywide;
                return true;
            default:
                scope = default;
                return false;
        }
    }

    public static string Describe(this ActionSourceType type) => type switch
    {
        ActionSourceType.Audit => "Audit",
        ActionSourceType.Meeting => "Meeting (QAM or Safety and Improvement)",
        ActionSourceType.QiProject => "QI project",
        _ => type.ToString(),
    };
}
