-- Read model (async): each agent's calls, contacts and conversions per day.
CREATE TABLE "agent_activity" (
    "tenant_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "agent_id" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "contacts" INTEGER NOT NULL DEFAULT 0,
    "conversions" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "agent_activity_pkey" PRIMARY KEY ("tenant_id", "day", "agent_id")
);
