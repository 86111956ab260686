-- Read model (async): the analytics page's figures summed per UTC day, so the page reads a few
-- thousand rows instead of every status period and callback. Each count is kept under four scopes
-- (every agent and source, one agent, one source, one agent and one source); the primary keys lead
-- with the scope, so a page reads one scope's rows for its date range.

-- What the projection keeps of each lead to count its next events.
CREATE TABLE "daily_figure_leads" (
    "tenant_id" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,
    "entered_by" TEXT NOT NULL,
    "entered_version" INTEGER NOT NULL,
    "callback_due_at" TIMESTAMPTZ(3),
    "callback_set_by" TEXT NOT NULL,
    "follow_up_entries" JSONB NOT NULL,

    CONSTRAINT "daily_figure_leads_pkey" PRIMARY KEY ("tenant_id","lead_id")
);

-- The open unhandled callbacks due on the day "now" falls in: missed before now, pending after.
CREATE INDEX "daily_figure_leads_callback_due_idx" ON "daily_figure_leads"("tenant_id", "callback_due_at");

CREATE TABLE "daily_status_changes" (
    "tenant_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "changes" INTEGER NOT NULL,

    CONSTRAINT "daily_status_changes_pkey" PRIMARY KEY ("tenant_id","scope","agent_id","source","day","from_status","to_status")
);

CREATE TABLE "daily_status_durations" (
    "tenant_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "periods" INTEGER NOT NULL,
    -- Whole milliseconds: sums of integers do not depend on how the events were batched.
    "milliseconds" BIGINT NOT NULL,

    CONSTRAINT "daily_status_durations_pkey" PRIMARY KEY ("tenant_id","scope","agent_id","source","day","status","bucket")
);

-- Completed periods one by one: a percentile's bucket is read back in duration order, overall, for
-- one agent or for one source, the filters' columns after the length so the index alone answers.
-- Index names stay short: a rebuild's copies add `__rebuild`.
CREATE TABLE "status_period_lengths" (
    "tenant_id" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "entered_version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,
    "entered_by" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "duration_seconds" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "status_period_lengths_pkey" PRIMARY KEY ("tenant_id","lead_id","entered_version")
);

CREATE INDEX "status_period_lengths_by_status_idx" ON "status_period_lengths"("tenant_id", "status", "duration_seconds", "entered_at");
CREATE INDEX "status_period_lengths_by_agent_idx" ON "status_period_lengths"("tenant_id", "entered_by", "status", "duration_seconds", "entered_at", "source");
CREATE INDEX "status_period_lengths_by_source_idx" ON "status_period_lengths"("tenant_id", "source", "status", "duration_seconds", "entered_at");

CREATE TABLE "daily_follow_up_funnel" (
    "tenant_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "previous_day" DATE NOT NULL,
    "reached" INTEGER NOT NULL,
    "converted" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,

    CONSTRAINT "daily_follow_up_funnel_pkey" PRIMARY KEY ("tenant_id","scope","agent_id","source","day","previous_day")
);

CREATE TABLE "daily_callbacks" (
    "tenant_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "due_day" DATE NOT NULL,
    "on_time" INTEGER NOT NULL,
    "late" INTEGER NOT NULL,
    "missed" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "late_milliseconds" BIGINT NOT NULL,

    CONSTRAINT "daily_callbacks_pkey" PRIMARY KEY ("tenant_id","scope","agent_id","source","due_day")
);

CREATE TABLE "daily_callback_lateness" (
    "tenant_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "due_day" DATE NOT NULL,
    "bucket" INTEGER NOT NULL,
    "callbacks" INTEGER NOT NULL,

    CONSTRAINT "daily_callback_lateness_pkey" PRIMARY KEY ("tenant_id","scope","agent_id","source","due_day","bucket")
);

CREATE TABLE "daily_calls" (
    "tenant_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "outcome" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "contacts" INTEGER NOT NULL,

    CONSTRAINT "daily_calls_pkey" PRIMARY KEY ("tenant_id","scope","agent_id","source","day","outcome")
);
