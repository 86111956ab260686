// Every append holds this advisory lock, shared, for its whole transaction, taken before the append
// draws a position from the sequence (leadstream_append, migration 20261203140000, takes it by this
// number). Appends never wait on each other for it (shared locks do not
// conflict); a reader that needs to know "every position up to H is settled" (the export horizon,
// see horizon.ts) waits for the transactions holding it.
export const APPEND_LOCK_KEY = 747_001;
