using Portal.App.Features.Admin;
using Portal.App.Features.Audits;
using Portal.App.Features.Dashboard;

namespace Portal.App.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<DemoUsers>();
        services.AddScoped<OrganisationAdmin>();
        services.AddScoped<UserAdmin>();
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
        return services;
    }

    public static void MapFeatureEndpoints(this WebApplication app)
    {
        app.MapAuditEndpoints();
    }
}
