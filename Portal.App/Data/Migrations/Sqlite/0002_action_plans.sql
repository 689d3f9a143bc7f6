-- 0002: action plans, sections, actions (leads, dated updates, RAG history) and board preferences.
CREATE TABLE "ActionPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ActionPlans" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Description" TEXT NULL,
    "UpdateFrequencyMonths" INTEGER NOT NULL,
    "SourceType" TEXT NULL,
    "SourceReference" TEXT NULL,
    "SourceLabel" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);
CREATE TABLE "ActionPlanSections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ActionPlanSections" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_ActionPlanSections_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE CASCADE
);
CREATE TABLE "ActionPlanOwners" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActionPlanOwners" PRIMARY KEY AUTOINCREMENT,
    "OrganisationId" TEXT NOT NULL,
    "PlanId" TEXT NOT NULL,
    CONSTRAINT "FK_ActionPlanOwners_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ActionPlanOwners_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "PlanActions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanActions" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "SectionId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Number" TEXT NULL,
    "SubHeading" TEXT NULL,
    "Scope" TEXT NULL,
    "ActionText" TEXT NULL,
    "IssueIdentified" TEXT NULL,
    "TimescaleStart" TEXT NULL,
    "TimescaleIsMonth" INTEGER NOT NULL,
    "DueBy" TEXT NULL,
    "DateNote" TEXT NULL,
    "CompletionNote" TEXT NULL,
    "Outcomes" TEXT NULL,
    "Evidence" TEXT NULL,
    "CompletedOn" TEXT NULL,
    "Rag" TEXT NULL,
    "RagRationale" TEXT NULL,
    "SourceType" TEXT NULL,
    "SourceReference" TEXT NULL,
    "SourceLabel" TEXT NULL,
    "LatestUpdateOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastChangedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanActions_ActionPlanSections_SectionId" FOREIGN KEY ("SectionId") REFERENCES "ActionPlanSections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlanActions_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE CASCADE
);
CREATE TABLE "ActionBoardPreferences" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_ActionBoardPreferences" PRIMARY KEY,
    "PlanId" TEXT NULL,
    "OrganisationId" TEXT NULL,
    "StaleDays" INTEGER NOT NULL,
    "ChangedSince" TEXT NULL,
    CONSTRAINT "FK_ActionBoardPreferences_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
CREATE TABLE "PlanActionLeads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanActionLeads" PRIMARY KEY AUTOINCREMENT,
    "Position" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "ActionId" TEXT NOT NULL,
    CONSTRAINT "FK_PlanActionLeads_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanActionLeads_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "PlanActionRagChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanActionRagChanges" PRIMARY KEY,
    "From" TEXT NULL,
    "To" TEXT NOT NULL,
    "Rationale" TEXT NOT NULL,
    "ByUserId" TEXT NULL,
    "ByName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "ActionId" TEXT NOT NULL,
    CONSTRAINT "FK_PlanActionRagChanges_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);
CREATE TABLE "PlanActionUpdates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanActionUpdates" PRIMARY KEY,
    "AsOf" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "ActionId" TEXT NOT NULL,
    CONSTRAINT "FK_PlanActionUpdates_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_ActionPlanOwners_OrganisationId" ON "ActionPlanOwners" ("OrganisationId");
CREATE UNIQUE INDEX "IX_ActionPlanOwners_PlanId_OrganisationId" ON "ActionPlanOwners" ("PlanId", "OrganisationId");
CREATE INDEX "IX_ActionPlans_Status_Title" ON "ActionPlans" ("Status", "Title");
CREATE UNIQUE INDEX "IX_ActionPlanSections_PlanId_Number" ON "ActionPlanSections" ("PlanId", "Number");
CREATE INDEX "IX_PlanActionLeads_ActionId" ON "PlanActionLeads" ("ActionId");
CREATE INDEX "IX_PlanActionLeads_Name" ON "PlanActionLeads" ("Name");
CREATE INDEX "IX_PlanActionLeads_UserId" ON "PlanActionLeads" ("UserId");
CREATE INDEX "IX_PlanActionRagChanges_ActionId" ON "PlanActionRagChanges" ("ActionId");
CREATE INDEX "IX_PlanActionRagChanges_At" ON "PlanActionRagChanges" ("At");
CREATE INDEX "IX_PlanActions_LatestUpdateOn" ON "PlanActions" ("LatestUpdateOn");
CREATE INDEX "IX_PlanActions_PlanId_SectionId_Position" ON "PlanActions" ("PlanId", "SectionId", "Position");
CREATE INDEX "IX_PlanActions_Rag_DueBy" ON "PlanActions" ("Rag", "DueBy");
CREATE INDEX "IX_PlanActions_SectionId" ON "PlanActions" ("SectionId");
CREATE INDEX "IX_PlanActionUpdates_ActionId" ON "PlanActionUpdates" ("ActionId");
CREATE INDEX "IX_PlanActionUpdates_RecordedAt" ON "PlanActionUpdates" ("RecordedAt");
