-- Read model (inline): the lead list's saved views, one row per view, written in the same
-- transaction as the event that changed it. A deleted view keeps its row (deleted) so that the
-- version guard keeps a rebuild running beside the appends from bringing it back.
CREATE TABLE "saved_views" (
    "tenant_id" TEXT NOT NULL,
    "view_id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL,
    "deleted" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("tenant_id","view_id")
);

-- A user's own views, and the views shared in their organisation.
CREATE INDEX "saved_views_tenant_id_owner_id_idx" ON "saved_views"("tenant_id", "owner_id");
CREATE INDEX "saved_views_tenant_id_shared_idx" ON "saved_views"("tenant_id", "shared");
