-- Each lead's data key (docs/erasure.md), wrapped under the master key. Erasing the lead's personal
-- data clears `wrapped_key` and sets `erased_at`: the row stays, so later appends to the stream
-- know to store no personal value at all rather than start a new key.
CREATE TABLE stream_keys (
  tenant_id   text        NOT NULL,
  stream_id   text        NOT NULL,
  wrapped_key bytea,
  created_at  timestamptz NOT NULL DEFAULT now(),
  erased_at   timestamptz,
  PRIMARY KEY (tenant_id, stream_id),
  CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
