-- 0005: letters (Appendix Six, Appendix Seven, self-funder): each organisation's own wording of a letter, and the
-- letters generated for a process (the .docx kept as generated, with who made it and when).
CREATE TABLE "LetterTemplates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LetterTemplates" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_LetterTemplates_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "GeneratedLetters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GeneratedLetters" PRIMARY KEY,
    "ProcessId" TEXT NOT NULL,
    "LeadOrganisationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "ContentSha256" TEXT NOT NULL,
    "GeneratedByUserId" TEXT NOT NULL,
    "GeneratedByName" TEXT NOT NULL,
    "GeneratedAt" TEXT NOT NULL,
    CONSTRAINT "FK_GeneratedLetters_Organisations_LeadOrganisationId" FOREIGN KEY ("LeadOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GeneratedLetters_QualityProcesses_ProcessId" FOREIGN KEY ("ProcessId") REFERENCES "QualityProcesses" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GeneratedLetters_Users_GeneratedByUserId" FOREIGN KEY ("GeneratedByUserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_GeneratedLetters_GeneratedByUserId" ON "GeneratedLetters" ("GeneratedByUserId");
CREATE INDEX "IX_GeneratedLetters_LeadOrganisationId" ON "GeneratedLetters" ("LeadOrganisationId");
CREATE INDEX "IX_GeneratedLetters_ProcessId_GeneratedAt" ON "GeneratedLetters" ("ProcessId", "GeneratedAt");
CREATE UNIQUE INDEX "IX_LetterTemplates_OrganisationId_Kind" ON "LetterTemplates" ("OrganisationId", "Kind");
