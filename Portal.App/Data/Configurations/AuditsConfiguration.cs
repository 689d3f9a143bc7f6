using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Audits;
using Portal.Core.Organisations;

namespace Portal.App.Data.Configurations;

internal sealed class AuditTemplateConfiguration : IEntityTypeConfiguration<AuditTemplate>
{
    public void Configure(EntityTypeBuilder<AuditTemplate> b)
    {
        b.ToTable("AuditTemplates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(AuditTemplate.NameMaxLength).IsRequired();
        b.Property(x => x.Description).HasMaxLength(AuditTemplate.DescriptionMaxLength);
        b.Property(x => x.WorkType).HasMaxLength(AuditTemplate.WorkTypeMaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.FamilyId, x.TemplateVersion }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ActiveQuestions);
        b.Ignore(x => x.OrderedSections);

        b.OwnsMany(x => x.Sections, s =>
        {
            s.ToTable("AuditTemplateSections");
            s.WithOwner().HasForeignKey("TemplateId");
            s.HasKey(x => x.Id);
            // Ids are set by Core; "never generated" makes EF insert a new one found in the collection.
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Title).HasMaxLength(AuditTemplate.SectionTitleMaxLength).IsRequired();
            s.Property(x => x.Guidance).HasMaxLength(AuditTemplate.GuidanceMaxLength);
        });
        b.Navigation(x => x.Sections).HasField("_sections").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.Questions, q =>
        {
            q.ToTable("AuditTemplateQuestions");
            q.WithOwner().HasForeignKey("TemplateId");
            q.HasKey(x => x.Id);
            q.Property(x => x.Id).ValueGeneratedNever();
            q.Property(x => x.Text).HasMaxLength(AuditTemplate.QuestionTextMaxLength).IsRequired();
            q.Property(x => x.Guidance).HasMaxLength(AuditTemplate.GuidanceMaxLength);
            q.HasIndex(x => x.Key);
        });
        b.Navigation(x => x.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AuditThemeConfiguration : IEntityTypeConfiguration<AuditTheme>
{
    public void Configure(EntityTypeBuilder<AuditTheme> b)
    {
        b.ToTable("AuditThemes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(AuditTheme.NameMaxLength).IsRequired();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class AuditCycleConfiguration : IEntityTypeConfiguration<AuditCycle>
{
    public void Configure(EntityTypeBuilder<AuditCycle> b)
    {
        b.ToTable("AuditCycles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(AuditCycle.NameMaxLength).IsRequired();
        b.Property(x => x.LeadCouncil).HasMaxLength(AuditCycle.LeadCouncilMaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.PeriodStart });
        b.Property(x => x.Version).IsConcurrencyToken();

        b.OwnsMany(x => x.Templates, t =>
        {
            t.ToTable("AuditCycleTemplates");
            t.WithOwner().HasForeignKey("CycleId");
            t.Property<int>("Id");
            t.HasKey("Id");
            t.HasOne<AuditTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
            t.HasIndex("CycleId", nameof(CycleTemplate.TemplateId)).IsUnique();
        });
        b.Navigation(x => x.Templates).HasField("_templates").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.Auditors, a =>
        {
            a.ToTable("AuditCycleAuditors");
            a.WithOwner().HasForeignKey("CycleId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex("CycleId", nameof(AuditorPoolMember.UserId)).IsUnique();
        });
        b.Navigation(x => x.Auditors).HasField("_auditors").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AuditCaseConfiguration : IEntityTypeConfiguration<AuditCase>
{
    public void Configure(EntityTypeBuilder<AuditCase> b)
    {
        b.ToTable("AuditCases");
        b.HasKey(x => x.Id);
        b.Property(x => x.ExternalRecordId).HasMaxLength(AuditCase.ExternalRecordIdMaxLength).IsRequired();
        b.Property(x => x.PersonRef).HasMaxLength(AuditCase.PersonRefMaxLength).IsRequired();
        b.Property(x => x.PractitionerName).HasMaxLength(AuditCase.PractitionerNameMaxLength).IsRequired();
        b.Property(x => x.PractitionerEmail).HasMaxLength(AuditCase.PractitionerEmailMaxLength);
        b.Property(x => x.TeamName).HasMaxLength(Team.NameMaxLength).IsRequired();
        b.Property(x => x.Service).HasMaxLength(AuditCase.ServiceMaxLength).IsRequired();
        b.Property(x => x.WorkType).HasMaxLength(AuditCase.WorkTypeMaxLength).IsRequired();
        b.Property(x => x.SelectionNote).HasMaxLength(AuditCase.NoteMaxLength);
        b.Property(x => x.ManualReason).HasMaxLength(AuditCase.ReasonMaxLength);
        b.HasOne<AuditCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CycleId, x.ExternalRecordId });
        b.HasIndex(x => new { x.OrganisationId, x.ExternalRecordId });
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CaseAuditConfiguration : IEntityTypeConfiguration<CaseAudit>
{
    public void Configure(EntityTypeBuilder<CaseAudit> b)
    {
        b.ToTable("CaseAudits");
        b.HasKey(x => x.Id);
        b.Property(x => x.TemplateName).HasMaxLength(AuditTemplate.NameMaxLength).IsRequired();
        b.Property(x => x.ExternalRecordId).HasMaxLength(AuditCase.ExternalRecordIdMaxLength).IsRequired();
        b.Property(x => x.PersonRef).HasMaxLength(AuditCase.PersonRefMaxLength).IsRequired();
        b.Property(x => x.PractitionerName).HasMaxLength(AuditCase.PractitionerNameMaxLength).IsRequired();
        b.Property(x => x.TeamName).HasMaxLength(Team.NameMaxLength).IsRequired();
        b.Property(x => x.Service).HasMaxLength(AuditCase.ServiceMaxLength).IsRequired();
        b.Property(x => x.WorkType).HasMaxLength(AuditCase.WorkTypeMaxLength).IsRequired();
        b.Property(x => x.AuditorName).HasMaxLength(CaseAudit.NameMaxLength).IsRequired();
        foreach (var text in new[]
                 {
                     nameof(CaseAudit.GradeRationale), nameof(CaseAudit.Strengths), nameof(CaseAudit.HigherGradeAdvice), nameof(CaseAudit.RiskAlertDetails),
                     nameof(CaseAudit.CorrectiveAction), nameof(CaseAudit.Reflection), nameof(CaseAudit.ReflectiveConversationNotes),
                     nameof(CaseAudit.PractitionerResponse), nameof(CaseAudit.ModerationNotes),
                 })
            b.Property(text).HasMaxLength(CaseAudit.TextMaxLength);
        foreach (var name in new[] { nameof(CaseAudit.RiskAlertAcknowledgedByName), nameof(CaseAudit.CorrectiveActionOwner), nameof(CaseAudit.ReflectiveConversationBy), nameof(CaseAudit.ModeratorName) })
            b.Property(name).HasMaxLength(CaseAudit.NameMaxLength);
        b.Property(x => x.RiskAlertAcknowledgementNote).HasMaxLength(CaseAudit.CommentMaxLength);
        b.Property(x => x.CorrectiveActionClosureNote).HasMaxLength(CaseAudit.CommentMaxLength);

        b.HasOne<AuditCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AuditCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AuditTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.AuditorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.ExternalRecordId });
        b.HasIndex(x => x.AuditorId);
        b.HasIndex(x => x.PractitionerUserId);
        b.HasIndex(x => x.TeamId);
        b.HasIndex(x => x.ModeratorId);
        b.Property(x => x.Version).IsConcurrencyToken();

        b.OwnsMany(x => x.Answers, a =>
        {
            a.ToTable("CaseAuditAnswers");
            a.WithOwner().HasForeignKey("AuditId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.Property(x => x.Comment).HasMaxLength(CaseAudit.CommentMaxLength);
            a.HasIndex("AuditId", nameof(AuditAnswer.QuestionId)).IsUnique();
        });
        b.Navigation(x => x.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.LearningPoints, l =>
        {
            l.ToTable("CaseAuditLearningPoints");
            l.WithOwner().HasForeignKey("AuditId");
            l.Property<int>("Id");
            l.HasKey("Id");
            l.Property(x => x.Text).HasMaxLength(CaseAudit.LearningPointMaxLength).IsRequired();
            l.Property(x => x.ThemeList).HasMaxLength(1000).IsRequired();
        });
        b.Navigation(x => x.LearningPoints).HasField("_learningPoints").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.ConcernContacts, c =>
        {
            c.ToTable("CaseAuditConcernContacts");
            c.WithOwner().HasForeignKey("AuditId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.ContactName).HasMaxLength(CaseAudit.NameMaxLength).IsRequired();
            c.Property(x => x.Outcome).HasMaxLength(CaseAudit.CommentMaxLength).IsRequired();
        });
        b.Navigation(x => x.ConcernContacts).HasField("_concernContacts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
