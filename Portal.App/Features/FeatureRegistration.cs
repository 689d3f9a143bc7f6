using Portal.App.Features.ActionPlans;
using Portal.App.Features.Admin;
using Portal.App.Features.Audits;
using Portal.App.Features.Dashboard;
using Portal.App.Features.Providers;

namespace Portal.App.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<DemoUsers>();
        services.AddScoped<OrganisationAdmin>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<UserImport>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<MyWork>();
        services.AddScoped<AuditTemplatesService>();
        services.AddScoped<AuditCyclesService>();
        services.AddScoped<CasePoolService>();
        services.AddScoped<AuditAllocationService>();
        services.AddScoped<AuditFormService>();
        services.AddScoped<AuditFeedbackService>();
        services.AddScoped<AuditModerationService>();
        services.AddScoped<AuditReviewListService>();
        services.AddScoped<AuditReportsService>();
        services.AddScoped<ActionPlanService>();
        services.AddScoped<PlanActionService>();
        services.AddScoped<ActionBoard>();
        services.AddScoped<ActionPlanReminders>();
        services.AddScoped<ActionPlanExcel>();
        services.AddHostedService<ActionPlanReminderService>();
        services.AddScoped<WorkingCalendar>();
        services.AddScoped<ProviderRegister>();
        services.AddScoped<ObservationSheets>();
        services.AddScoped<CareConcernsInbox>();
        services.AddScoped<ProviderIntelligence>();
        services.AddScoped<ProviderProcesses>();
        services.AddScoped<DeadlineBoard>();
        services.AddScoped<RiskAssessmentExport>();
        services.AddScoped<ProcessLetters>();
        services.AddScoped<ProviderImport>();
        services.AddScoped<LetterTemplateAdmin>();
        return services;
    }

    public static void MapFeatureEndpoints(this WebApplication app)
    {
        app.MapAuditEndpoints();
        app.MapAdminEndpoints();
        app.MapActionPlanEndpoints();
        ProviderEndpoints.Map(app);
        ProviderEndpoints.MapLetters(app);
    }
}
