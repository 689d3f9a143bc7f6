-- 0003: care provider quality: provider register, observation sheets, intelligence, the Safety and Improvement Process
-- (meetings, attendees, checklist, risk assessment), closure days for the working-day calendar.
CREATE TABLE "ClosureDays" (
    "Date" TEXT NOT NULL CONSTRAINT "PK_ClosureDays" PRIMARY KEY,
    "Description" TEXT NOT NULL
);
CREATE TABLE "Providers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Providers" PRIMARY KEY,
    "LeadOrganisationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "AddressLine1" TEXT NOT NULL,
    "AddressLine2" TEXT NULL,
    "Town" TEXT NOT NULL,
    "Postcode" TEXT NOT NULL,
    "CqcLocationId" TEXT NULL,
    "RegisteredManager" TEXT NULL,
    "OwnerName" TEXT NOT NULL,
    "OwnerOrganisationId" TEXT NULL,
    "Commissioners" TEXT NOT NULL,
    "CurrentCqcRating" TEXT NULL,
    "CqcRatingDate" TEXT NULL,
    "GpPractice" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Providers_Organisations_LeadOrganisationId" FOREIGN KEY ("LeadOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Providers_Organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "IntelligenceEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IntelligenceEntries" PRIMARY KEY,
    "ProviderId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Source" TEXT NULL,
    "CqcRating" TEXT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_IntelligenceEntries_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "QualityProcesses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_QualityProcesses" PRIMARY KEY,
    "ProviderId" TEXT NOT NULL,
    "LeadOrganisationId" TEXT NOT NULL,
    "ConcernSummary" TEXT NOT NULL,
    "OpenedOn" TEXT NOT NULL,
    "OpenedBy" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "StageSince" TEXT NOT NULL,
    "QaRound" INTEGER NOT NULL,
    "LedByCommissioners" INTEGER NOT NULL,
    "TriggeredOn" TEXT NULL,
    "ProcessChairName" TEXT NULL,
    "ProviderFormallyNotifiedOn" TEXT NULL,
    "ConcludedOn" TEXT NULL,
    "FundingAuthoritiesInformedOn" TEXT NULL,
    "ReportedToSqigAndHsabOn" TEXT NULL,
    "OutcomesLetterSentOn" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_QualityProcesses_Organisations_LeadOrganisationId" FOREIGN KEY ("LeadOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_QualityProcesses_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "ObservationSheets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ObservationSheets" PRIMARY KEY,
    "ProviderId" TEXT NULL,
    "LeadOrganisationId" TEXT NULL,
    "NameOfHome" TEXT NOT NULL,
    "DateOfVisit" TEXT NOT NULL,
    "AuthorUserId" TEXT NULL,
    "VisitCompletedByName" TEXT NOT NULL,
    "VisitCompletedByRole" TEXT NULL,
    "VisitCompletedByOrganisation" TEXT NULL,
    "KeyedInByUserId" TEXT NOT NULL,
    "KeyedFromPaper" INTEGER NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AcknowledgedByUserId" TEXT NULL,
    "AcknowledgedAt" TEXT NULL,
    "AcknowledgementNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ObservationSheets_Organisations_LeadOrganisationId" FOREIGN KEY ("LeadOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ObservationSheets_Providers_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Providers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ObservationSheets_Users_AuthorUserId" FOREIGN KEY ("AuthorUserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ObservationSheets_Users_KeyedInByUserId" FOREIGN KEY ("KeyedInByUserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "PammsRatings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PammsRatings" PRIMARY KEY AUTOINCREMENT,
    "Domain" TEXT NOT NULL,
    "Rating" TEXT NOT NULL,
    "EntryId" TEXT NOT NULL,
    CONSTRAINT "FK_PammsRatings_IntelligenceEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "IntelligenceEntries" ("Id") ON DELETE CASCADE
);
CREATE TABLE "ProcessDecisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcessDecisions" PRIMARY KEY AUTOINCREMENT,
    "Stage" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "DecidedOn" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "MeetingId" TEXT NULL,
    "ProcessId" TEXT NOT NULL,
    CONSTRAINT "FK_ProcessDecisions_QualityProcesses_ProcessId" FOREIGN KEY ("ProcessId") REFERENCES "QualityProcesses" ("Id") ON DELETE CASCADE
);
CREATE TABLE "ProcessDocuments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcessDocuments" PRIMARY KEY AUTOINCREMENT,
    "Stage" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "AddedBy" TEXT NOT NULL,
    "AddedOn" TEXT NOT NULL,
    "ProcessId" TEXT NOT NULL,
    CONSTRAINT "FK_ProcessDocuments_QualityProcesses_ProcessId" FOREIGN KEY ("ProcessId") REFERENCES "QualityProcesses" ("Id") ON DELETE CASCADE
);
CREATE TABLE "ProcessMeetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProcessMeetings" PRIMARY KEY,
    "ProcessId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "QaRound" INTEGER NOT NULL,
    "ScheduledFor" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "ChairName" TEXT NOT NULL,
    "LateReason" TEXT NULL,
    "HeldOn" TEXT NULL,
    "SeniorManagementToldOn" TEXT NULL,
    "ProviderActionPlanReceivedAt" TEXT NULL,
    "ActionsSentOn" TEXT NULL,
    "GpPracticeNotifiedOn" TEXT NULL,
    "ProviderInformedOn" TEXT NULL,
    "HeldInOnePart" INTEGER NOT NULL,
    "OnePartReason" TEXT NULL,
    "MinutesPartOne" TEXT NULL,
    "MinutesPartTwo" TEXT NULL,
    "MinutesCirculatedOn" TEXT NULL,
    "MinutesExceptionAgreedByChair" TEXT NULL,
    "Decisions" TEXT NULL,
    CONSTRAINT "FK_ProcessMeetings_QualityProcesses_ProcessId" FOREIGN KEY ("ProcessId") REFERENCES "QualityProcesses" ("Id") ON DELETE CASCADE
);
CREATE TABLE "ThresholdEvidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ThresholdEvidence" PRIMARY KEY AUTOINCREMENT,
    "Indicator" TEXT NOT NULL,
    "Evidence" TEXT NOT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedOn" TEXT NOT NULL,
    "ProcessId" TEXT NOT NULL,
    CONSTRAINT "FK_ThresholdEvidence_QualityProcesses_ProcessId" FOREIGN KEY ("ProcessId") REFERENCES "QualityProcesses" ("Id") ON DELETE CASCADE
);
CREATE TABLE "ObservationAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ObservationAnswers" PRIMARY KEY AUTOINCREMENT,
    "QuestionNumber" INTEGER NOT NULL,
    "Yes" INTEGER NULL,
    "Text" TEXT NULL,
    "Comments" TEXT NULL,
    "SheetId" TEXT NOT NULL,
    CONSTRAINT "FK_ObservationAnswers_ObservationSheets_SheetId" FOREIGN KEY ("SheetId") REFERENCES "ObservationSheets" ("Id") ON DELETE CASCADE
);
CREATE TABLE "MeetingAttendees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingAttendees" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "RoleAndOrganisation" TEXT NULL,
    "QuorumRole" TEXT NULL,
    "MeetingId" TEXT NOT NULL,
    CONSTRAINT "FK_MeetingAttendees_ProcessMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "ProcessMeetings" ("Id") ON DELETE CASCADE
);
CREATE TABLE "MeetingChecklistAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingChecklistAnswers" PRIMARY KEY AUTOINCREMENT,
    "ItemNumber" INTEGER NOT NULL,
    "Yes" INTEGER NULL,
    "Note" TEXT NULL,
    "MeetingId" TEXT NOT NULL,
    CONSTRAINT "FK_MeetingChecklistAnswers_ProcessMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "ProcessMeetings" ("Id") ON DELETE CASCADE
);
CREATE TABLE "MeetingReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingReports" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "FromOrganisation" TEXT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    CONSTRAINT "FK_MeetingReports_ProcessMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "ProcessMeetings" ("Id") ON DELETE CASCADE
);
CREATE TABLE "RiskAssessmentRows" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RiskAssessmentRows" PRIMARY KEY,
    "ProcessId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "DateAgreed" TEXT NOT NULL,
    "Issues" TEXT NOT NULL,
    "Risks" TEXT NOT NULL,
    "ActionPlan" TEXT NOT NULL,
    "ActionsReviewed" TEXT NULL,
    "DateReviewed" TEXT NULL,
    "ReviewedAtMeetingId" TEXT NULL,
    "SignedOffBy" TEXT NULL,
    "SignedOffAt" TEXT NULL,
    CONSTRAINT "FK_RiskAssessmentRows_ProcessMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "ProcessMeetings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RiskAssessmentRows_QualityProcesses_ProcessId" FOREIGN KEY ("ProcessId") REFERENCES "QualityProcesses" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_IntelligenceEntries_ProviderId_OccurredOn" ON "IntelligenceEntries" ("ProviderId", "OccurredOn");
CREATE INDEX "IX_MeetingAttendees_MeetingId" ON "MeetingAttendees" ("MeetingId");
CREATE UNIQUE INDEX "IX_MeetingChecklistAnswers_MeetingId_ItemNumber" ON "MeetingChecklistAnswers" ("MeetingId", "ItemNumber");
CREATE INDEX "IX_MeetingReports_MeetingId" ON "MeetingReports" ("MeetingId");
CREATE UNIQUE INDEX "IX_ObservationAnswers_SheetId_QuestionNumber" ON "ObservationAnswers" ("SheetId", "QuestionNumber");
CREATE INDEX "IX_ObservationSheets_AuthorUserId" ON "ObservationSheets" ("AuthorUserId");
CREATE INDEX "IX_ObservationSheets_KeyedInByUserId" ON "ObservationSheets" ("KeyedInByUserId");
CREATE INDEX "IX_ObservationSheets_LeadOrganisationId_Status_SubmittedAt" ON "ObservationSheets" ("LeadOrganisationId", "Status", "SubmittedAt");
CREATE INDEX "IX_ObservationSheets_ProviderId" ON "ObservationSheets" ("ProviderId");
CREATE UNIQUE INDEX "IX_PammsRatings_EntryId_Domain" ON "PammsRatings" ("EntryId", "Domain");
CREATE INDEX "IX_ProcessDecisions_ProcessId" ON "ProcessDecisions" ("ProcessId");
CREATE INDEX "IX_ProcessDocuments_ProcessId" ON "ProcessDocuments" ("ProcessId");
CREATE INDEX "IX_ProcessMeetings_ProcessId_ScheduledFor" ON "ProcessMeetings" ("ProcessId", "ScheduledFor");
CREATE INDEX "IX_Providers_CqcLocationId" ON "Providers" ("CqcLocationId");
CREATE UNIQUE INDEX "IX_Providers_LeadOrganisationId_Name_Postcode" ON "Providers" ("LeadOrganisationId", "Name", "Postcode");
CREATE INDEX "IX_Providers_OwnerOrganisationId" ON "Providers" ("OwnerOrganisationId");
CREATE INDEX "IX_QualityProcesses_LeadOrganisationId_Stage" ON "QualityProcesses" ("LeadOrganisationId", "Stage");
CREATE INDEX "IX_QualityProcesses_ProviderId" ON "QualityProcesses" ("ProviderId");
CREATE INDEX "IX_RiskAssessmentRows_MeetingId" ON "RiskAssessmentRows" ("MeetingId");
CREATE INDEX "IX_RiskAssessmentRows_ProcessId" ON "RiskAssessmentRows" ("ProcessId");
CREATE INDEX "IX_ThresholdEvidence_ProcessId" ON "ThresholdEvidence" ("ProcessId");
