-- Prefix matches ("example.net%", "07911%") read a btree that serves LIKE 'x%' whatever the
-- database's collation, instead of every row holding the fragment's trigrams.
CREATE INDEX "search_terms_tenant_id_normalized_prefix_idx" ON "search_terms" ("tenant_id", "normalized" text_pattern_ops);

-- Word prefixes in names ("% smi%") read the trigrams of names alone: the trigrams an email domain
-- shares with a hundred thousand addresses are never read for them.
CREATE INDEX "search_terms_name_trgm_idx" ON "search_terms" USING GIN ("normalized" gin_trgm_ops) WHERE "kind" = 'name';
