using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Calendar;
using Portal.Core.Organisations;
using Portal.Core.Providers;

namespace Portal.App.Data.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.ToTable("Providers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(Provider.NameMaxLength).IsRequired();
        b.Property(x => x.AddressLine1).HasMaxLength(Provider.AddressLineMaxLength).IsRequired();
        b.Property(x => x.AddressLine2).HasMaxLength(Provider.AddressLineMaxLength);
        b.Property(x => x.Town).HasMaxLength(Provider.TownMaxLength).IsRequired();
        b.Property(x => x.Postcode).HasMaxLength(Provider.PostcodeMaxLength).IsRequired();
        b.Property(x => x.CqcLocationId).HasMaxLength(Provider.CqcLocationIdMaxLength);
        b.Property(x => x.RegisteredManager).HasMaxLength(Provider.PersonNameMaxLength);
        b.Property(x => x.OwnerName).HasMaxLength(Provider.OwnerMaxLength).IsRequired();
        b.Property(x => x.Commissioners).HasMaxLength(Provider.CommissionersMaxLength).IsRequired();
        b.Property(x => x.GpPractice).HasMaxLength(Provider.GpPracticeMaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.LeadOrganisationId, x.Name, x.Postcode }).IsUnique();
        b.HasIndex(x => x.CqcLocationId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Address);
    }
}

internal sealed class ObservationSheetConfiguration : IEntityTypeConfiguration<ObservationSheet>
{
    public void Configure(EntityTypeBuilder<ObservationSheet> b)
    {
        b.ToTable("ObservationSheets");
        b.HasKey(x => x.Id);
        b.Property(x => x.NameOfHome).HasMaxLength(ObservationSheet.NameOfHomeMaxLength).IsRequired();
        b.Property(x => x.VisitCompletedByName).HasMaxLength(ObservationSheet.AuthorNameMaxLength).IsRequired();
        b.Property(x => x.VisitCompletedByRole).HasMaxLength(ObservationSheet.AuthorRoleMaxLength);
        b.Property(x => x.VisitCompletedByOrganisation).HasMaxLength(ObservationSheet.AuthorOrganisationMaxLength);
        b.Property(x => x.AcknowledgementNote).HasMaxLength(ObservationSheet.AcknowledgementNoteMaxLength);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.KeyedInByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.LeadOrganisationId, x.Status, x.SubmittedAt });
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.InitialImpressions);
        b.Ignore(x => x.YesNoAnsweredCount);

        b.OwnsMany(x => x.Answers, a =>
        {
            a.ToTable("ObservationAnswers");
            a.WithOwner().HasForeignKey("SheetId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.Property(x => x.Text).HasMaxLength(ObservationSheet.AnswerTextMaxLength);
            a.Property(x => x.Comments).HasMaxLength(ObservationSheet.CommentsMaxLength);
            a.HasIndex("SheetId", nameof(ObservationAnswer.QuestionNumber)).IsUnique();
        });
        b.Navigation(x => x.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IntelligenceEntryConfiguration : IEntityTypeConfiguration<IntelligenceEntry>
{
    public void Configure(EntityTypeBuilder<IntelligenceEntry> b)
    {
        b.ToTable("IntelligenceEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Summary).HasMaxLength(IntelligenceEntry.SummaryMaxLength).IsRequired();
        b.Property(x => x.Outcome).HasMaxLength(IntelligenceEntry.OutcomeMaxLength);
        b.Property(x => x.Source).HasMaxLength(IntelligenceEntry.SourceMaxLength);
        b.Property(x => x.RecordedByName).HasMaxLength(PortalUser.DisplayNameMaxLength).IsRequired();
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProviderId, x.OccurredOn });
        b.Property(x => x.Version).IsConcurrencyToken();

        b.OwnsMany(x => x.PammsRatings, r =>
        {
            r.ToTable("PammsRatings");
            r.WithOwner().HasForeignKey("EntryId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.HasIndex("EntryId", nameof(PammsDomainRating.Domain)).IsUnique();
        });
        b.Navigation(x => x.PammsRatings).HasField("_pammsRatings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class QualityProcessConfiguration : IEntityTypeConfiguration<QualityProcess>
{
    public void Configure(EntityTypeBuilder<QualityProcess> b)
    {
        b.ToTable("QualityProcesses");
        b.HasKey(x => x.Id);
        b.Property(x => x.ConcernSummary).HasMaxLength(QualityProcess.SummaryMaxLength).IsRequired();
        b.Property(x => x.OpenedBy).HasMaxLength(QualityProcess.PersonNameMaxLength).IsRequired();
        b.Property(x => x.ProcessChairName).HasMaxLength(QualityProcess.PersonNameMaxLength);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.LeadOrganisationId, x.Stage });
        b.HasIndex(x => x.ProviderId);
        b.Property(x => x.Version).IsConcurrencyToken();

        b.HasMany(x => x.Meetings).WithOne().HasForeignKey(m => m.ProcessId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Meetings).HasField("_meetings").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.HasMany(x => x.RiskRows).WithOne().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.RiskRows).HasField("_riskRows").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        b.OwnsMany(x => x.ThresholdEvidence, e =>
        {
            e.ToTable("ThresholdEvidence");
            e.WithOwner().HasForeignKey("ProcessId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Evidence).HasMaxLength(ThresholdEvidence.EvidenceMaxLength).IsRequired();
            e.Property(x => x.RecordedByName).HasMaxLength(QualityProcess.PersonNameMaxLength).IsRequired();
        });
        b.Navigation(x => x.ThresholdEvidence).HasField("_thresholdEvidence").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.Decisions, d =>
        {
            d.ToTable("ProcessDecisions");
            d.WithOwner().HasForeignKey("ProcessId");
            d.Property<int>("Id");
            d.HasKey("Id");
            d.Property(x => x.Text).HasMaxLength(QualityProcess.DecisionMaxLength + 200).IsRequired();
            d.Property(x => x.RecordedBy).HasMaxLength(QualityProcess.PersonNameMaxLength).IsRequired();
        });
        b.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.Documents, d =>
        {
            d.ToTable("ProcessDocuments");
            d.WithOwner().HasForeignKey("ProcessId");
            d.Property<int>("Id");
            d.HasKey("Id");
            d.Property(x => x.Title).HasMaxLength(QualityProcess.DocumentTitleMaxLength).IsRequired();
            d.Property(x => x.Reference).HasMaxLength(QualityProcess.DocumentReferenceMaxLength);
            d.Property(x => x.AddedBy).HasMaxLength(QualityProcess.PersonNameMaxLength).IsRequired();
        });
        b.Navigation(x => x.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProcessMeetingConfiguration : IEntityTypeConfiguration<ProcessMeeting>
{
    public void Configure(EntityTypeBuilder<ProcessMeeting> b)
    {
        b.ToTable("ProcessMeetings");
        b.HasKey(x => x.Id);
        // Ids are made in Core when a meeting is arranged; EF must insert them, not look for an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Place).HasMaxLength(ProcessMeeting.PlaceMaxLength).IsRequired();
        b.Property(x => x.ChairName).HasMaxLength(ProcessMeeting.PersonNameMaxLength).IsRequired();
        b.Property(x => x.LateReason).HasMaxLength(ProcessMeeting.ReasonMaxLength);
        b.Property(x => x.OnePartReason).HasMaxLength(ProcessMeeting.ReasonMaxLength);
        b.Property(x => x.MinutesPartOne).HasMaxLength(ProcessMeeting.MinutesMaxLength);
        b.Property(x => x.MinutesPartTwo).HasMaxLength(ProcessMeeting.MinutesMaxLength);
        b.Property(x => x.MinutesExceptionAgreedByChair).HasMaxLength(ProcessMeeting.ReasonMaxLength);
        b.Property(x => x.Decisions).HasMaxLength(ProcessMeeting.MinutesMaxLength);
        b.HasIndex(x => new { x.ProcessId, x.ScheduledFor });

        b.OwnsMany(x => x.Attendees, a =>
        {
            a.ToTable("MeetingAttendees");
            a.WithOwner().HasForeignKey("MeetingId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.Property(x => x.Name).HasMaxLength(ProcessMeeting.PersonNameMaxLength).IsRequired();
            a.Property(x => x.RoleAndOrganisation).HasMaxLength(ProcessMeeting.RoleMaxLength);
        });
        b.Navigation(x => x.Attendees).HasField("_attendees").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.ReportsReceived, r =>
        {
            r.ToTable("MeetingReports");
            r.WithOwner().HasForeignKey("MeetingId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.Title).HasMaxLength(ProcessMeeting.ReportTitleMaxLength).IsRequired();
            r.Property(x => x.FromOrganisation).HasMaxLength(ProcessMeeting.RoleMaxLength);
        });
        b.Navigation(x => x.ReportsReceived).HasField("_reports").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(x => x.Checklist, c =>
        {
            c.ToTable("MeetingChecklistAnswers");
            c.WithOwner().HasForeignKey("MeetingId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.Note).HasMaxLength(ProcessMeeting.NoteMaxLength);
            c.HasIndex("MeetingId", nameof(ChecklistAnswer.ItemNumber)).IsUnique();
        });
        b.Navigation(x => x.Checklist).HasField("_checklist").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RiskAssessmentRowConfiguration : IEntityTypeConfiguration<RiskAssessmentRow>
{
    public void Configure(EntityTypeBuilder<RiskAssessmentRow> b)
    {
        b.ToTable("RiskAssessmentRows");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Issues).HasMaxLength(RiskAssessmentRow.TextMaxLength).IsRequired();
        b.Property(x => x.Risks).HasMaxLength(RiskAssessmentRow.TextMaxLength).IsRequired();
        b.Property(x => x.ActionPlan).HasMaxLength(RiskAssessmentRow.TextMaxLength).IsRequired();
        b.Property(x => x.ActionsReviewed).HasMaxLength(RiskAssessmentRow.TextMaxLength);
        b.Property(x => x.SignedOffBy).HasMaxLength(ProcessMeeting.PersonNameMaxLength);
        b.HasOne<ProcessMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProcessId);
    }
}

internal sealed class ClosureDayConfiguration : IEntityTypeConfiguration<ClosureDay>
{
    public void Configure(EntityTypeBuilder<ClosureDay> b)
    {
        b.ToTable("ClosureDays");
        b.HasKey(x => x.Date);
        b.Property(x => x.Description).HasMaxLength(ClosureDay.DescriptionMaxLength).IsRequired();
    }
}
