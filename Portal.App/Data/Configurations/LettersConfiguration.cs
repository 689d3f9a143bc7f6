using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Letters;
using Portal.Core.Organisations;
using Portal.Core.Providers;

namespace Portal.App.Data.Configurations;

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.ToTable("LetterTemplates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Body).HasMaxLength(LetterTemplate.BodyMaxLength).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(LetterTemplate.PersonNameMaxLength).IsRequired();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // One wording of each letter per organisation; an organisation without one uses the seed's wording.
        b.HasIndex(x => new { x.OrganisationId, x.Kind }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Title);
        b.Ignore(x => x.Fields);
        b.Ignore(x => x.RequiredFields);
    }
}

internal sealed class GeneratedLetterConfiguration : IEntityTypeConfiguration<GeneratedLetter>
{
    public void Configure(EntityTypeBuilder<GeneratedLetter> b)
    {
        b.ToTable("GeneratedLetters");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(GeneratedLetter.FileNameMaxLength).IsRequired();
        b.Property(x => x.Content).IsRequired();
        b.Property(x => x.ContentSha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.GeneratedByName).HasMaxLength(GeneratedLetter.PersonNameMaxLength).IsRequired();
        b.HasOne<QualityProcess>().WithMany().HasForeignKey(x => x.ProcessId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.GeneratedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProcessId, x.GeneratedAt });
    }
}
