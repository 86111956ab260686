-- Every tenant-scoped read served by an index that leads with the tenant, so a small tenant's reads
-- cost what they would on an empty cluster, whatever the other tenants hold.

-- The trigram indexes of search terms gain the tenant as their first key (btree_gin gives text an
-- equality operator class in GIN). A GIN scan that ANDs a rare key with a frequent one skips through
-- the frequent one's postings, so a small tenant's search reads its own terms, and a large tenant's
-- its rare trigrams.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX "search_terms_tenant_id_normalized_trgm_idx" ON "search_terms" USING GIN ("tenant_id", "normalized" gin_trgm_ops);
CREATE INDEX "search_terms_tenant_id_name_trgm_idx" ON "search_terms" USING GIN ("tenant_id", "normalized" gin_trgm_ops) WHERE "kind" = 'name';
DROP INDEX "search_terms_normalized_trgm_idx";
DROP INDEX "search_terms_name_trgm_idx";

-- A tenant's log in position order (the export, its count and its `after`), without reading other
-- tenants' positions.
CREATE INDEX "events_tenant_id_position_idx" ON "events" ("tenant_id", "position");
