-- 0004: case audits: templates, themes, cycles, the case pool and the audits themselves.
CREATE TABLE "AuditCycles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditCycles" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "SampleSize" INTEGER NULL,
    "LeadCouncil" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ExclusionMonths" INTEGER NOT NULL,
    "AvoidSameWorker" INTEGER NOT NULL,
    "ExcludeAuditorsOwnTeam" INTEGER NOT NULL,
    "SampleSeed" INTEGER NULL,
    "SampleDrawnAt" TEXT NULL,
    "SampleDrawnById" TEXT NULL,
    "AllocatedAt" TEXT NULL,
    "ModerationSeed" INTEGER NULL,
    "ModerationSelectedAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AuditCycles_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "AuditTemplates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditTemplates" PRIMARY KEY,
    "FamilyId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "TemplateVersion" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "WorkType" TEXT NULL,
    "IsStartingPoint" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "PublishedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AuditTemplates_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "AuditThemes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditThemes" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AuditThemes_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "AuditCycleTemplates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditCycleTemplates" PRIMARY KEY AUTOINCREMENT,
    "TemplateId" TEXT NOT NULL,
    "CycleId" TEXT NOT NULL,
    CONSTRAINT "FK_AuditCycleTemplates_AuditCycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "AuditCycles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AuditCycleTemplates_AuditTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "AuditTemplates" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "AuditTemplateQuestions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditTemplateQuestions" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "SectionId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Guidance" TEXT NULL,
    "IsRequired" INTEGER NOT NULL,
    "CommentRequiredOnNo" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "IsRetired" INTEGER NOT NULL,
    "TemplateId" TEXT NOT NULL,
    CONSTRAINT "FK_AuditTemplateQuestions_AuditTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "AuditTemplates" ("Id") ON DELETE CASCADE
);
CREATE TABLE "AuditTemplateSections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditTemplateSections" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Guidance" TEXT NULL,
    "Order" INTEGER NOT NULL,
    "TemplateId" TEXT NOT NULL,
    CONSTRAINT "FK_AuditTemplateSections_AuditTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "AuditTemplates" ("Id") ON DELETE CASCADE
);
CREATE TABLE "AuditCases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditCases" PRIMARY KEY,
    "CycleId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "ExternalRecordId" TEXT NOT NULL,
    "PersonRef" TEXT NOT NULL,
    "PractitionerName" TEXT NOT NULL,
    "PractitionerEmail" TEXT NULL,
    "PractitionerUserId" TEXT NULL,
    "TeamId" TEXT NOT NULL,
    "TeamName" TEXT NOT NULL,
    "Service" TEXT NOT NULL,
    "WorkType" TEXT NOT NULL,
    "WorkDate" TEXT NOT NULL,
    "LastAuditedOn" TEXT NULL,
    "WorkerInPreviousCycle" INTEGER NOT NULL,
    "DrawnByLot" INTEGER NULL,
    "Selection" TEXT NOT NULL,
    "SelectionNote" TEXT NULL,
    "ManualReason" TEXT NULL,
    "ManualById" TEXT NULL,
    "ManualAt" TEXT NULL,
    "ReplacesCaseId" TEXT NULL,
    "AuditId" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AuditCases_AuditCycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "AuditCycles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AuditCases_Teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "Teams" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "AuditCycleAuditors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditCycleAuditors" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "CycleId" TEXT NOT NULL,
    CONSTRAINT "FK_AuditCycleAuditors_AuditCycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "AuditCycles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AuditCycleAuditors_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "CaseAudits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseAudits" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "CycleId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "TemplateId" TEXT NOT NULL,
    "TemplateName" TEXT NOT NULL,
    "TemplateVersion" INTEGER NOT NULL,
    "ExternalRecordId" TEXT NOT NULL,
    "PersonRef" TEXT NOT NULL,
    "PractitionerName" TEXT NOT NULL,
    "PractitionerUserId" TEXT NULL,
    "TeamId" TEXT NOT NULL,
    "TeamName" TEXT NOT NULL,
    "Service" TEXT NOT NULL,
    "WorkType" TEXT NOT NULL,
    "WorkDate" TEXT NOT NULL,
    "AuditorId" TEXT NOT NULL,
    "AuditorName" TEXT NOT NULL,
    "AllocatedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DraftSavedAt" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "Grade" TEXT NULL,
    "GradeRationale" TEXT NULL,
    "Strengths" TEXT NULL,
    "HigherGradeAdvice" TEXT NULL,
    "RiskAlertDetails" TEXT NULL,
    "RiskAlertRaisedAt" TEXT NULL,
    "RiskAlertAcknowledgedAt" TEXT NULL,
    "RiskAlertAcknowledgedById" TEXT NULL,
    "RiskAlertAcknowledgedByName" TEXT NULL,
    "RiskAlertAcknowledgementNote" TEXT NULL,
    "CorrectiveAction" TEXT NULL,
    "CorrectiveActionOwner" TEXT NULL,
    "CorrectiveActionDue" TEXT NULL,
    "CorrectiveActionClosedAt" TEXT NULL,
    "CorrectiveActionClosureNote" TEXT NULL,
    "Reflection" TEXT NULL,
    "ReflectionSubmittedAt" TEXT NULL,
    "ReflectiveConversationOn" TEXT NULL,
    "ReflectiveConversationNotes" TEXT NULL,
    "ReflectiveConversationBy" TEXT NULL,
    "PractitionerResponse" TEXT NULL,
    "PractitionerRespondedAt" TEXT NULL,
    "ModeratorId" TEXT NULL,
    "ModeratorName" TEXT NULL,
    "SelectedForModerationAt" TEXT NULL,
    "ModeratedGrade" TEXT NULL,
    "CriteriaAppliedConsistently" INTEGER NULL,
    "FeedbackConstructive" INTEGER NULL,
    "ModerationNotes" TEXT NULL,
    "ModeratedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CaseAudits_AuditCases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "AuditCases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CaseAudits_AuditCycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "AuditCycles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CaseAudits_AuditTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "AuditTemplates" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CaseAudits_Users_AuditorId" FOREIGN KEY ("AuditorId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "CaseAuditAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseAuditAnswers" PRIMARY KEY AUTOINCREMENT,
    "QuestionId" TEXT NOT NULL,
    "Value" TEXT NULL,
    "Comment" TEXT NULL,
    "AuditId" TEXT NOT NULL,
    CONSTRAINT "FK_CaseAuditAnswers_CaseAudits_AuditId" FOREIGN KEY ("AuditId") REFERENCES "CaseAudits" ("Id") ON DELETE CASCADE
);
CREATE TABLE "CaseAuditConcernContacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseAuditConcernContacts" PRIMARY KEY,
    "ContactName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "ContactedAt" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "AuditId" TEXT NOT NULL,
    CONSTRAINT "FK_CaseAuditConcernContacts_CaseAudits_AuditId" FOREIGN KEY ("AuditId") REFERENCES "CaseAudits" ("Id") ON DELETE CASCADE
);
CREATE TABLE "CaseAuditLearningPoints" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseAuditLearningPoints" PRIMARY KEY AUTOINCREMENT,
    "Order" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "ThemeList" TEXT NOT NULL,
    "AuditId" TEXT NOT NULL,
    CONSTRAINT "FK_CaseAuditLearningPoints_CaseAudits_AuditId" FOREIGN KEY ("AuditId") REFERENCES "CaseAudits" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_AuditCases_CycleId_ExternalRecordId" ON "AuditCases" ("CycleId", "ExternalRecordId");
CREATE INDEX "IX_AuditCases_OrganisationId_ExternalRecordId" ON "AuditCases" ("OrganisationId", "ExternalRecordId");
CREATE INDEX "IX_AuditCases_TeamId" ON "AuditCases" ("TeamId");
CREATE UNIQUE INDEX "IX_AuditCycleAuditors_CycleId_UserId" ON "AuditCycleAuditors" ("CycleId", "UserId");
CREATE INDEX "IX_AuditCycleAuditors_UserId" ON "AuditCycleAuditors" ("UserId");
CREATE INDEX "IX_AuditCycles_OrganisationId_PeriodStart" ON "AuditCycles" ("OrganisationId", "PeriodStart");
CREATE UNIQUE INDEX "IX_AuditCycleTemplates_CycleId_TemplateId" ON "AuditCycleTemplates" ("CycleId", "TemplateId");
CREATE INDEX "IX_AuditCycleTemplates_TemplateId" ON "AuditCycleTemplates" ("TemplateId");
CREATE INDEX "IX_AuditTemplateQuestions_Key" ON "AuditTemplateQuestions" ("Key");
CREATE INDEX "IX_AuditTemplateQuestions_TemplateId" ON "AuditTemplateQuestions" ("TemplateId");
CREATE UNIQUE INDEX "IX_AuditTemplates_OrganisationId_FamilyId_TemplateVersion" ON "AuditTemplates" ("OrganisationId", "FamilyId", "TemplateVersion");
CREATE INDEX "IX_AuditTemplateSections_TemplateId" ON "AuditTemplateSections" ("TemplateId");
CREATE UNIQUE INDEX "IX_AuditThemes_OrganisationId_Name" ON "AuditThemes" ("OrganisationId", "Name");
CREATE UNIQUE INDEX "IX_CaseAuditAnswers_AuditId_QuestionId" ON "CaseAuditAnswers" ("AuditId", "QuestionId");
CREATE INDEX "IX_CaseAuditConcernContacts_AuditId" ON "CaseAuditConcernContacts" ("AuditId");
CREATE INDEX "IX_CaseAuditLearningPoints_AuditId" ON "CaseAuditLearningPoints" ("AuditId");
CREATE INDEX "IX_CaseAudits_AuditorId" ON "CaseAudits" ("AuditorId");
CREATE UNIQUE INDEX "IX_CaseAudits_CaseId" ON "CaseAudits" ("CaseId");
CREATE INDEX "IX_CaseAudits_CycleId" ON "CaseAudits" ("CycleId");
CREATE INDEX "IX_CaseAudits_ModeratorId" ON "CaseAudits" ("ModeratorId");
CREATE INDEX "IX_CaseAudits_OrganisationId_ExternalRecordId" ON "CaseAudits" ("OrganisationId", "ExternalRecordId");
CREATE INDEX "IX_CaseAudits_PractitionerUserId" ON "CaseAudits" ("PractitionerUserId");
CREATE INDEX "IX_CaseAudits_TeamId" ON "CaseAudits" ("TeamId");
CREATE INDEX "IX_CaseAudits_TemplateId" ON "CaseAudits" ("TemplateId");
