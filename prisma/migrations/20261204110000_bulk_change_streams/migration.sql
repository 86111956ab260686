-- A tenant's bulk changes, newest first, for the list of recent ones (lib/bulk/recent.ts): only the
-- bulk-change streams are in this index, so the leads' million streams neither pay for it on
-- every append nor are read to find them.
CREATE INDEX streams_bulk_changes ON streams (tenant_id, created_at DESC) WHERE stream_type = 'bulk-change';
