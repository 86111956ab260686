-- Wake async projectors when events are appended. NOTIFY is delivered when the appending transaction
-- commits, and notifications of one transaction are merged, so this costs one message per append.
-- (Prisma does not model triggers; they are invisible to `migrate dev`'s diff.)
CREATE OR REPLACE FUNCTION leadstream_notify_events() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('leadstream_events', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER events_notify_projectors
  AFTER INSERT ON events
  FOR EACH STATEMENT EXECUTE FUNCTION leadstream_notify_events();
