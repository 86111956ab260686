-- Read model (inline): the organisation's webhook endpoints, one row per endpoint, written in the
-- same transaction as the event that changed it, guarded by the stream's version.
CREATE TABLE "webhook_endpoints" (
    "tenant_id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "disabled_reason" TEXT,
    "failing_since" TIMESTAMPTZ(3),
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("tenant_id","endpoint_id")
);

-- Signing secrets, kept out of the event log (whose export is plain): one per endpoint, replaced
-- when an admin rotates it.
CREATE TABLE "webhook_secrets" (
    "tenant_id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_secrets_pkey" PRIMARY KEY ("tenant_id","endpoint_id")
);

-- The outbox (async projection `webhook-outbox`): one row per change an endpoint is to receive,
-- in log order (tx_id, position). No payload: the body is built from the log at send time.
CREATE TABLE "webhook_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "tx_id" BIGINT NOT NULL,
    "position" BIGINT NOT NULL,
    "stream_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "event_type" TEXT NOT NULL,
    "delivered" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "failing_since" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "webhook_deliveries_endpoint_position_key" ON "webhook_deliveries"("tenant_id", "endpoint_id", "position");
-- Each endpoint's next delivery: the oldest undelivered one in log order.
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries"("endpoint_id", "tx_id", "position") WHERE NOT "delivered";
-- The delivery log, newest first, and its retention.
CREATE INDEX "webhook_deliveries_log_idx" ON "webhook_deliveries"("tenant_id", "endpoint_id", "tx_id" DESC, "position" DESC);

-- Every attempt to send a delivery: what the receiver answered, how long it took.
CREATE TABLE "webhook_attempts" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL,
    "status_code" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "excerpt" TEXT NOT NULL,

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_attempts_delivery_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE
);

CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts"("delivery_id", "attempted_at" DESC);
