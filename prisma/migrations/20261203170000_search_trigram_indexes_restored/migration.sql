-- The trigram indexes of search terms go back to the term alone. With the tenant as their first key
-- (20261203140100), a tenant of a million leads searched 3 to 5 times slower (phone p95 185 ms
-- against 37 ms): its tenant key matches nearly every entry, and the GIN scan pays for that list
-- on every search. The (tenant, position) index of the log stays. (The btree_gin extension stays
-- installed: a rebuild's leftover copies may still hold indexes that use it.)
CREATE INDEX "search_terms_normalized_trgm_idx" ON "search_terms" USING GIN ("normalized" gin_trgm_ops);
CREATE INDEX "search_terms_name_trgm_idx" ON "search_terms" USING GIN ("normalized" gin_trgm_ops) WHERE "kind" = 'name';
DROP INDEX "search_terms_tenant_id_normalized_trgm_idx";
DROP INDEX "search_terms_tenant_id_name_trgm_idx";
