-- API tokens carry a set of scopes ('export', 'commands') instead of a single scope.
ALTER TABLE "api_tokens" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['export']::TEXT[];
UPDATE "api_tokens" SET "scopes" = ARRAY["scope"];
ALTER TABLE "api_tokens" DROP COLUMN "scope";
ALTER TABLE "api_tokens" ALTER COLUMN "scopes" DROP DEFAULT;
