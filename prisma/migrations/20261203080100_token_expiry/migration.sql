-- API tokens expire. Tokens made before expiry existed get the default 90 days from now, not from
-- their creation: a BI load running on an old token keeps working until someone can replace it.
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" TIMESTAMPTZ(3);
UPDATE "api_tokens" SET "expires_at" = now() + interval '90 days';
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;
