-- Each status period names the status it followed, so counting status changes in a date range reads
-- the periods of that range alone instead of ordering every lead's whole history.
ALTER TABLE "status_periods" ADD COLUMN "previous_status" TEXT;

UPDATE "status_periods" p SET "previous_status" = prior.previous_status
FROM (
  SELECT tenant_id, lead_id, entered_version,
    lag(status) OVER (PARTITION BY tenant_id, lead_id ORDER BY entered_version) AS previous_status
  FROM "status_periods"
) prior
WHERE prior.tenant_id = p.tenant_id AND prior.lead_id = p.lead_id AND prior.entered_version = p.entered_version
  AND prior.previous_status IS NOT NULL;

CREATE INDEX "status_periods_tenant_id_entered_at_idx" ON "status_periods"("tenant_id", "entered_at");
