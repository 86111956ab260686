-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "leads_tenant_id_source_idx" ON "leads"("tenant_id", "source");

-- CreateIndex
CREATE INDEX "status_periods_tenant_id_left_at_entered_at_idx" ON "status_periods"("tenant_id", "left_at", "entered_at");
