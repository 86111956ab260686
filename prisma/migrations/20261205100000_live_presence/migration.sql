-- Who has a lead's page open right now (lib/live/presence.ts): one row per tenant, lead and user,
-- with the page's last heartbeat; a row older than 45 s no longer counts. Ids only, no names.
CREATE TABLE "live_presence" (
    "tenant_id" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "live_presence_pkey" PRIMARY KEY ("tenant_id","lead_id","user_id")
);
