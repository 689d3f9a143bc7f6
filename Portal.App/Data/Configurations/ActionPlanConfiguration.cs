using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.ActionPlans;
using Portal.Core.Organisations;

namespace Portal.App.Data.Configurations;

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> b)
    {
        b.ToTable("ActionPlans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(ActionPlan.TitleMaxLength).IsRequired();
        b.Property(x => x.Description).HasMaxLength(ActionPlan.DescriptionMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.Title });
        b.OwnsOne(x => x.Source, SourceLinkConfiguration.Configure);
        b.Navigation(x => x.Source).IsRequired(false);

        b.OwnsMany(x => x.Owners, o =>
        {
            o.ToTable("ActionPlanOwners");
            o.WithOwner().HasForeignKey("PlanId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            o.HasIndex("PlanId", nameof(PlanOwner.OrganisationId)).IsUnique();
            o.HasIndex(x => x.OrganisationId);
        });
        b.Navigation(x => x.Owners).HasField("_owners").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Sections).HasField("_sections").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> b)
    {
        b.ToTable("ActionPlanSections");
        b.HasKey(x => x.Id);
        // Keys are made in Core; without this EF would take a new section with a key for an existing one.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(PlanSection.TitleMaxLength).IsRequired();
        b.Ignore(x => x.Heading);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("PlanActions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Number).HasMaxLength(PlanAction.NumberMaxLength);
        b.Property(x => x.SubHeading).HasMaxLength(PlanAction.SubHeadingMaxLength);
        b.Property(x => x.ActionText).HasMaxLength(PlanAction.TextMaxLength);
        b.Property(x => x.IssueIdentified).HasMaxLength(PlanAction.TextMaxLength);
        b.Property(x => x.Outcomes).HasMaxLength(PlanAction.TextMaxLength);
        b.Property(x => x.Evidence).HasMaxLength(PlanAction.TextMaxLength);
        b.Property(x => x.DateNote).HasMaxLength(PlanAction.NoteMaxLength);
        b.Property(x => x.CompletionNote).HasMaxLength(PlanAction.NoteMaxLength);
        b.Property(x => x.RagRationale).HasMaxLength(PlanAction.RationaleMaxLength);
        b.Ignore(x => x.Timescale);
        b.Ignore(x => x.IsComplete);
        b.Ignore(x => x.LatestUpdate);
        b.HasIndex(x => new { x.PlanId, x.SectionId, x.Position });
        b.HasIndex(x => new { x.Rag, x.DueBy });
        b.HasIndex(x => x.LatestUpdateOn);
        b.OwnsOne(x => x.Source, SourceLinkConfiguration.Configure);
        b.Navigation(x => x.Source).IsRequired(false);

        b.OwnsMany(x => x.Leads, l =>
        {
            l.ToTable("PlanActionLeads");
            l.WithOwner().HasForeignKey("ActionId");
            l.Property<int>("Id");
            l.HasKey("Id");
            l.Property(x => x.Name).HasMaxLength(PlanAction.LeadNameMaxLength).IsRequired();
            l.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
            l.HasIndex(x => x.UserId);
            l.HasIndex(x => x.Name);
        });
        b.Navigation(x => x.Leads).HasField("_leads").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.Updates, u =>
        {
            u.ToTable("PlanActionUpdates");
            u.WithOwner().HasForeignKey("ActionId");
            u.HasKey(x => x.Id);
            u.Property(x => x.Id).ValueGeneratedNever();
            u.Property(x => x.Text).HasMaxLength(PlanAction.UpdateTextMaxLength).IsRequired();
            u.Property(x => x.AuthorName).HasMaxLength(PlanAction.LeadNameMaxLength).IsRequired();
            u.HasIndex(x => x.RecordedAt);
        });
        b.Navigation(x => x.Updates).HasField("_updates").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.RagHistory, r =>
        {
            r.ToTable("PlanActionRagChanges");
            r.WithOwner().HasForeignKey("ActionId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Rationale).HasMaxLength(PlanAction.RationaleMaxLength).IsRequired();
            r.Property(x => x.ByName).HasMaxLength(PlanAction.LeadNameMaxLength).IsRequired();
            r.HasIndex(x => x.At);
        });
        b.Navigation(x => x.RagHistory).HasField("_ragHistory").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ActionBoardPreferenceConfiguration : IEntityTypeConfiguration<ActionBoardPreference>
{
    public void Configure(EntityTypeBuilder<ActionBoardPreference> b)
    {
        b.ToTable("ActionBoardPreferences");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).ValueGeneratedNever();
        b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class SourceLinkConfiguration
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, SourceLink> s) where TOwner : class
    {
        s.Property(x => x.Type).HasColumnName("SourceType");
        s.Property(x => x.Reference).HasColumnName("SourceReference").HasMaxLength(SourceLink.ReferenceMaxLength);
        s.Property(x => x.Label).HasColumnName("SourceLabel").HasMaxLength(SourceLink.LabelMaxLength);
    }
}
