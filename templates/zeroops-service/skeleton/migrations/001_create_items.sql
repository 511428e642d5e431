-- Expand only: new tables, nullable columns and indexes. See .github/copilot-instructions.md.
CREATE TABLE IF NOT EXISTS items (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
