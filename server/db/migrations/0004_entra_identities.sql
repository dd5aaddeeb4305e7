-- Sign-in with Microsoft Entra ID. An organization may be bound to its partner's Entra tenant (one
-- tenant, one organization); a person of it may be mapped to their Entra account by object id
-- (oid: never reused, never changes) or, until their first sign-in binds the oid, by user
-- principal name. People who only sign in with Entra have no password.
ALTER TABLE organizations ADD COLUMN entra_tenant_id uuid;
CREATE UNIQUE INDEX organizations_entra_tenant_key ON organizations (entra_tenant_id);

ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN entra_object_id uuid;
ALTER TABLE users ADD COLUMN entra_upn text CHECK (entra_upn = lower(entra_upn));
CREATE UNIQUE INDEX users_entra_object_key ON users (org_id, entra_object_id);
CREATE UNIQUE INDEX users_entra_upn_key ON users (org_id, entra_upn);

-- How a session began: a server that stops taking passwords (LOCAL_PASSWORDS=false) also stops
-- honouring the sessions passwords opened. A refresh keeps the method of the session it replaces.
ALTER TABLE sessions ADD COLUMN sign_in_method text NOT NULL DEFAULT 'password' CHECK (sign_in_method IN ('password', 'entra'));
