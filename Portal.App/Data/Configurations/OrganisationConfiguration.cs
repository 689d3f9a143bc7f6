using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Organisations;

namespace Portal.App.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("Teams");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(Team.NameMaxLength).IsRequired();
        b.Property(x => x.Service).HasMaxLength(Team.ServiceMaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.ToTable("Users");
        b.HasKey(x => x.Id);
        b.Property(x => x.DisplayName).HasMaxLength(PortalUser.DisplayNameMaxLength).IsRequired();
        b.Property(x => x.Email).HasMaxLength(PortalUser.EmailMaxLength).IsRequired();
        b.HasIndex(x => x.Email).IsUnique();
        b.Property(x => x.JobTitle).HasMaxLength(PortalUser.JobTitleMaxLength);
        b.Property(x => x.ExternalSubject).HasMaxLength(PortalUser.ExternalSubjectMaxLength);
        b.HasIndex(x => x.ExternalSubject).IsUnique();
        b.Property(x => x.SecurityStamp).HasMaxLength(40).IsRequired();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.HasAccess);

        b.OwnsMany(x => x.Roles, r =>
        {
            r.ToTable("UserRoles");
            r.WithOwner().HasForeignKey("UserId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.Role).HasMaxLength(40);
            r.HasIndex("UserId", nameof(UserRoleAssignment.Role)).IsUnique();
        });
        b.Navigation(x => x.Roles).HasField("_roles").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.Teams, t =>
        {
            t.ToTable("TeamMemberships");
            t.WithOwner().HasForeignKey("UserId");
            t.Property<int>("Id");
            t.HasKey("Id");
            t.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
            t.HasIndex("UserId", nameof(TeamMembership.TeamId)).IsUnique();
        });
        b.Navigation(x => x.Teams).HasField("_teams").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
