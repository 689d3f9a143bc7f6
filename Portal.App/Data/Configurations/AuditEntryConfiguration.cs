using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Auditing;
using Portal.Core.Notifications;

namespace Portal.App.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.ActorName).HasMaxLength(150).IsRequired();
        b.Property(x => x.EntityType).HasMaxLength(100).IsRequired();
        b.Property(x => x.EntityKey).HasMaxLength(100).IsRequired();
        b.Property(x => x.Changes).IsRequired();
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityKey });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        b.Property(x => x.Link).HasMaxLength(Notification.LinkMaxLength);
        b.HasOne<Portal.Core.Organisations.PortalUser>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RecipientId, x.AcknowledgedAt });
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
