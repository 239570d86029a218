-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('MODERATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "StaffStatus" AS ENUM ('INVITED', 'ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('STAFF_CREATED_BY_CLI', 'STAFF_INVITED', 'STAFF_INVITATION_ACCEPTED', 'STAFF_DISABLED', 'STAFF_ENABLED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED', 'SESSION_REVOKED', 'REPORT_APPROVED', 'REPORT_REJECTED', 'REPORT_REDACTED', 'SUBMITTER_BLOCKED', 'SUBMITTER_UNBLOCKED');

-- AlterTable
ALTER TABLE "denial_report" ADD COLUMN     "rejection_reason" VARCHAR(500),
ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reviewed_flag_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sampled_for_review" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "staff_account" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "display_name" VARCHAR(80) NOT NULL,
    "role" "StaffRole" NOT NULL,
    "status" "StaffStatus" NOT NULL,
    "password_hash" TEXT,
    "invite_token_hash" CHAR(64),
    "invite_expires_at" TIMESTAMPTZ(3),
    "invited_by_id" UUID,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_session" (
    "id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "account_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "prefix" VARCHAR(12) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submitter_block" (
    "id" UUID NOT NULL,
    "submitter_hash" CHAR(64) NOT NULL,
    "key_day" DATE NOT NULL,
    "blocked_until" TIMESTAMPTZ(3) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_at" TIMESTAMPTZ(3),

    CONSTRAINT "submitter_block_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_email" VARCHAR(254) NOT NULL,
    "action" "AuditAction" NOT NULL,
    "reason" VARCHAR(500),
    "report_id" UUID,
    "code" VARCHAR(5),
    "target_id" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_account_email_key" ON "staff_account"("email");

-- CreateIndex
CREATE UNIQUE INDEX "staff_account_invite_token_hash_key" ON "staff_account"("invite_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "staff_session_token_hash_key" ON "staff_session"("token_hash");

-- CreateIndex
CREATE INDEX "staff_session_account_id_idx" ON "staff_session"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_account_id_idx" ON "api_token"("account_id");

-- CreateIndex
CREATE INDEX "submitter_block_blocked_until_idx" ON "submitter_block"("blocked_until");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- CreateIndex
CREATE INDEX "audit_entry_report_id_idx" ON "audit_entry"("report_id");

-- CreateIndex
CREATE INDEX "audit_entry_actor_id_at_idx" ON "audit_entry"("actor_id", "at");

-- AddForeignKey
ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit log is append-only for everyone who reaches the database through the product, and for
-- anyone else who does not first drop this trigger (which the migration history would show).
-- Written as an E'' string with \073 for each semicolon: prisma migrate deploy (driver adapter)
-- splits a migration at every literal semicolon, dollar quotes included.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''audit_entry is append-only: % is not allowed'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER audit_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON "audit_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

-- The moderation queue: held reports, and published ones with unseen flags or picked for review.
CREATE INDEX "denial_report_queue_idx" ON "denial_report" ("created_at" DESC)
  WHERE status = 'HELD' OR flag_count > reviewed_flag_count OR (sampled_for_review AND reviewed_at IS NULL);
