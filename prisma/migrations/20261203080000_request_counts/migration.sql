-- Rate limits of our own (lib/limits/rate-limit.ts): one row per key, counted in fixed windows.
-- better-auth's own limiter, which read the client address from a header any client can set, is
-- off, so its table goes.
DROP TABLE "rate_limits";

CREATE TABLE "request_counts" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,
    CONSTRAINT "request_counts_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "request_counts_window_start_idx" ON "request_counts"("window_start");
