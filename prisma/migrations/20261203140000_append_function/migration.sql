-- The whole append in one statement: one round trip from the app, one transaction in the database.
--   p_streams  [{tenant_id, stream_id, stream_type, expected, count}]: each stream's version move;
--              expected 0 creates the stream (it must not exist), otherwise the stream must be at it.
--   p_events   [{i, tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata,
--              occurred_at}]: the events, positions drawn in the order of i.
--   p_writes   [{sql, rows}]: the inline read models' upserts, each a statement of the app's own taking
--              the rows as $1 (jsonb), computed by the app from the rows as they stood.
--   p_command  {tenant_id, command_id, payload_hash, stream_id, next_version, event_count} or null:
--              makes the append idempotent; a command id already claimed returns {"duplicate": true}.
-- Returns {"positions": [...], "txId": ...}, positions in the order of the events. A stream that is not
-- at its expected version stops everything with SQLSTATE LS409, its details as JSON in the message.
CREATE OR REPLACE FUNCTION leadstream_append(p_streams jsonb, p_events jsonb, p_writes jsonb, p_command jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  moved jsonb;
  stale record;
  positions bigint[];
  write jsonb;
BEGIN
  -- First, before any position is drawn: lets the export wait for appends in flight
  -- (lib/event-store/horizon.ts; 747001 is APPEND_LOCK_KEY).
  PERFORM pg_advisory_xact_lock_shared(747001);

  -- A twin of this command blocks here until the first commits, then finds the id taken.
  IF p_command IS NOT NULL THEN
    INSERT INTO processed_commands (tenant_id, command_id, stream_id, result, payload_hash)
    VALUES (p_command->>'tenant_id', p_command->>'command_id', p_command->>'stream_id', '{}'::jsonb, p_command->>'payload_hash')
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN jsonb_build_object('duplicate', true); END IF;
  END IF;

  -- Each stream's row moves from its expected version; its row lock serialises writers.
  WITH wanted AS (
    SELECT * FROM jsonb_to_recordset(p_streams) AS w(tenant_id text, stream_id text, stream_type text, expected int, count int)
  ), created AS (
    INSERT INTO streams (tenant_id, stream_id, stream_type, version)
    SELECT tenant_id, stream_id, stream_type, count FROM wanted WHERE expected = 0
    ON CONFLICT DO NOTHING
    RETURNING tenant_id, stream_id
  ), advanced AS (
    UPDATE streams s SET version = w.expected + w.count, updated_at = now()
    FROM wanted w
    WHERE w.expected > 0 AND s.tenant_id = w.tenant_id AND s.stream_id = w.stream_id AND s.version = w.expected
    RETURNING s.tenant_id, s.stream_id
  )
  SELECT coalesce(jsonb_agg(jsonb_build_array(tenant_id, stream_id)), '[]'::jsonb) INTO moved
  FROM (SELECT * FROM created UNION ALL SELECT * FROM advanced) m;

  IF jsonb_array_length(moved) < jsonb_array_length(p_streams) THEN
    SELECT w.stream_id, w.expected, s.version AS actual INTO stale
    FROM jsonb_to_recordset(p_streams) AS w(tenant_id text, stream_id text, expected int)
    LEFT JOIN streams s ON s.tenant_id = w.tenant_id AND s.stream_id = w.stream_id
    WHERE NOT moved @> jsonb_build_array(jsonb_build_array(w.tenant_id, w.stream_id))
    LIMIT 1;
    RAISE EXCEPTION USING ERRCODE = 'LS409',
      MESSAGE = jsonb_build_object('streamId', stale.stream_id, 'expected', stale.expected, 'actual', stale.actual)::text;
  END IF;

  WITH inserted AS (
    INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
    SELECT e.tenant_id, e.stream_id, e.stream_type, e.version, e.type, e.schema_version, e.data, e.metadata, e.occurred_at
    FROM jsonb_to_recordset(p_events) AS e(i int, tenant_id text, stream_id text, stream_type text, version int, type text,
                                           schema_version int, data jsonb, metadata jsonb, occurred_at timestamptz)
    ORDER BY e.i
    RETURNING position
  )
  SELECT array_agg(position ORDER BY position) INTO positions FROM inserted;

  FOR write IN SELECT value FROM jsonb_array_elements(p_writes) LOOP
    EXECUTE write->>'sql' USING write->'rows';
  END LOOP;

  IF p_command IS NOT NULL THEN
    UPDATE processed_commands
    SET result = jsonb_build_object(
      'streamId', p_command->>'stream_id',
      'nextExpectedVersion', (p_command->>'next_version')::int,
      'firstPosition', positions[1]::text,
      'lastPosition', positions[(p_command->>'event_count')::int]::text)
    WHERE tenant_id = p_command->>'tenant_id' AND command_id = p_command->>'command_id';
  END IF;

  RETURN jsonb_build_object('positions', to_jsonb(positions::text[]), 'txId', pg_current_xact_id()::text);
END;
$$;
