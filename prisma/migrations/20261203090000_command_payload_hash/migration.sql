-- The hash of each command as sent, so a command id reused for another command is refused.
ALTER TABLE "processed_commands" ADD COLUMN "payload_hash" TEXT;
