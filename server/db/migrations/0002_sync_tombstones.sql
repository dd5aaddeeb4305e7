-- Tombstone retention (DESIGN.md, "Sync protocol"): deleted records are kept for a window, then
-- purged; a client whose cursor is older than the newest purged tombstone must rebuild (reset).
ALTER TABLE workspaces ADD COLUMN tombstone_horizon bigint NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX records_tombstones_idx ON records (org_id, updated_at) WHERE deleted;
