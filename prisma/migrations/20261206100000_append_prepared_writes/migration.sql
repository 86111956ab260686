-- The append's inline writes (the lead-table row, a new data key) run as statements prepared once
-- per connection instead of planned on every append. Everything else is unchanged.
CREATE OR REPLACE FUNCTION leadstream_append(p_streams jsonb, p_events jsonb, p_writes jsonb, p_command jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  moved jsonb;
  stale record;
  positions bigint[];
  write jsonb;
  write_name text;
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

  -- Each inline write's statement is prepared once per connection and reused: planned afresh, the
  -- lead-table upsert cost as much as the rest of the append. Statements are named by their text's
  -- hash, so a changed statement is a new one; past the cap, a write runs unprepared.
  FOR write IN SELECT value FROM jsonb_array_elements(p_writes) LOOP
    write_name := 'leadstream_w_' || md5(write->>'sql');
    IF NOT EXISTS (SELECT 1 FROM pg_prepared_statements WHERE name = write_name) THEN
      IF (SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'leadstream\_w\_%') >= 64 THEN
        EXECUTE write->>'sql' USING write->'rows';
        CONTINUE;
      END IF;
      EXECUTE format('PREPARE %I(jsonb) AS %s', write_name, write->>'sql');
    END IF;
    -- The rows as a literal: a prepared statement's parameter cannot be passed on with USING here.
    EXECUTE format('EXECUTE %I(%L)', write_name, write->'rows');
  END LOOP;

  -- A bulk append's streams may each name the command that created them (an import's rows): each
  -- recorded with its own result, as if carried out alone. A command id used before refuses the lot.
  INSERT INTO processed_commands (tenant_id, command_id, stream_id, result)
  SELECT w.tenant_id, w.command_id, w.stream_id, jsonb_build_object(
    'streamId', w.stream_id,
    'nextExpectedVersion', w.expected + w.count,
    'firstPosition', positions[w.first + 1]::text,
    'lastPosition', positions[w.first + w.count]::text)
  FROM jsonb_to_recordset(p_streams) AS w(tenant_id text, stream_id text, expected int, count int, first int, command_id text)
  WHERE w.command_id IS NOT NULL;

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
