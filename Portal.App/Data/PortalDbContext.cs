using Microsoft.EntityFrameworkCore;
using Portal.Core.ActionPlans;
using Portal.Core.Auditing;
using Portal.Core.Audits;
using Portal.Core.Calendar;
using Portal.Core.Letters;
using Portal.Core.Notifications;
using Portal.Core.Organisations;
using Portal.Core.Providers;

namespace Portal.App.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<PortalUser> Users => Set<PortalUser>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditTemplate> AuditTemplates => Set<AuditTemplate>();
    public DbSet<AuditTheme> AuditThemes => Set<AuditTheme>();
    public DbSet<AuditCycle> AuditCycles => Set<AuditCycle>();
    public DbSet<AuditCase> AuditCases => Set<AuditCase>();
    public DbSet<CaseAudit> CaseAudits => Set<CaseAudit>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<ActionBoardPreference> ActionBoardPreferences => Set<ActionBoardPreference>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<ObservationSheet> ObservationSheets => Set<ObservationSheet>();
    public DbSet<IntelligenceEntry> IntelligenceEntries => Set<IntelligenceEntry>();
    public DbSet<QualityProcess> QualityProcesses => Set<QualityProcess>();
    public DbSet<ClosureDay> ClosureDays => Set<ClosureDay>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
    public DbSet<GeneratedLetter> GeneratedLetters => Set<GeneratedLetter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names so the database reads plainly and reordering an enum is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks-free ISO text via a converter.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcStringConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcStringConverter>();
    }
}
