-- Tenants, people and sessions; and the tables the sync protocol (DESIGN.md, "Sync protocol") stands on.

-- A partner organization: one tenant, one shared workspace.
CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The admin CLI names organizations by name: one name, one organization.
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

-- People sign in by email alone, so an email is globally unique, stored lowercase.
-- role: a Partner Center role, validated by Role of shared/domain/roles (one source of truth).
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '_%@_%'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  role text NOT NULL,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id)
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- One row per issued token pair. A refresh makes a new row (rotated_from = the old one, same
-- family_id) and revokes the old one; presenting a revoked refresh token again revokes the family.
-- Tokens are stored only as SHA-256 hashes (hex).
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL,
  user_id uuid NOT NULL,
  org_id uuid NOT NULL,
  access_token_hash text NOT NULL,
  refresh_token_hash text NOT NULL,
  access_expires_at timestamptz NOT NULL,
  refresh_expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_reason text CHECK (revoked_reason IN ('signed-out', 'rotated', 'reuse-detected', 'admin', 'user-disabled', 'password-reset')),
  user_agent text,
  rotated_from uuid REFERENCES sessions (id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX sessions_access_token_key ON sessions (access_token_hash);
CREATE UNIQUE INDEX sessions_refresh_token_key ON sessions (refresh_token_hash);
CREATE INDEX sessions_family_idx ON sessions (family_id);
CREATE INDEX sessions_org_idx ON sessions (org_id, created_at);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Sync: one version counter per workspace, taken inside the write transaction.
CREATE TABLE workspaces (
  org_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 0
);

-- Sync: every workspace row of every table, with its version and per-field stamps; deleted = tombstone.
CREATE TABLE records (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  tbl text NOT NULL,
  id text NOT NULL,
  version bigint NOT NULL,
  data jsonb,
  field_versions jsonb NOT NULL DEFAULT '{}',
  deleted boolean NOT NULL DEFAULT false,
  updated_by uuid,
  PRIMARY KEY (org_id, tbl, id)
);
CREATE INDEX records_org_version_idx ON records (org_id, version);

-- Sync: each client's last processed mutation id (Replicache's lastMutationID).
CREATE TABLE sync_clients (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  client_id text NOT NULL,
  user_id uuid NOT NULL,
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_push_at timestamptz,
  PRIMARY KEY (org_id, client_id)
);

-- Sync: the answer given to each processed mutation, so a retried push gets the same answer.
CREATE TABLE sync_mutation_results (
  org_id uuid NOT NULL,
  client_id text NOT NULL,
  mutation_id bigint NOT NULL,
  result jsonb NOT NULL,
  PRIMARY KEY (org_id, client_id, mutation_id),
  FOREIGN KEY (org_id, client_id) REFERENCES sync_clients (org_id, client_id) ON DELETE CASCADE
);
