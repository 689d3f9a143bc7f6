-- 0001: organisations, teams, users and roles, notifications, audit trail.
CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityKey" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Changes" TEXT NOT NULL
);
CREATE TABLE "Organisations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Organisations" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);
CREATE TABLE "Teams" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Teams" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Service" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Teams_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "Users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "JobTitle" TEXT NULL,
    "OrganisationId" TEXT NULL,
    "IsEnabled" INTEGER NOT NULL,
    "ExternalSubject" TEXT NULL,
    "SecurityStamp" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Users_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "RecipientId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Link" TEXT NULL,
    "RequiresAcknowledgement" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "AcknowledgedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Notifications_Users_RecipientId" FOREIGN KEY ("RecipientId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "TeamMemberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TeamMemberships" PRIMARY KEY AUTOINCREMENT,
    "TeamId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "FK_TeamMemberships_Teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "Teams" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TeamMemberships_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
CREATE TABLE "UserRoles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UserRoles" PRIMARY KEY AUTOINCREMENT,
    "Role" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "FK_UserRoles_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");
CREATE INDEX "IX_AuditEntries_EntityType_EntityKey" ON "AuditEntries" ("EntityType", "EntityKey");
CREATE INDEX "IX_Notifications_RecipientId_AcknowledgedAt" ON "Notifications" ("RecipientId", "AcknowledgedAt");
CREATE UNIQUE INDEX "IX_Organisations_Name" ON "Organisations" ("Name");
CREATE INDEX "IX_TeamMemberships_TeamId" ON "TeamMemberships" ("TeamId");
CREATE UNIQUE INDEX "IX_TeamMemberships_UserId_TeamId" ON "TeamMemberships" ("UserId", "TeamId");
CREATE UNIQUE INDEX "IX_Teams_OrganisationId_Name" ON "Teams" ("OrganisationId", "Name");
CREATE UNIQUE INDEX "IX_UserRoles_UserId_Role" ON "UserRoles" ("UserId", "Role");
CREATE UNIQUE INDEX "IX_Users_Email" ON "Users" ("Email");
CREATE UNIQUE INDEX "IX_Users_ExternalSubject" ON "Users" ("ExternalSubject");
CREATE INDEX "IX_Users_OrganisationId" ON "Users" ("OrganisationId");
