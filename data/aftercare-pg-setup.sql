-- aftercare-pg-setup.sql: roles and privileges for a clinic's shared Aftercare database on PostgreSQL.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Run once by a superuser, connected to the clinic's (empty) database:
--
--   createdb clinic
--   psql -v ON_ERROR_STOP=1 -d clinic -f aftercare-pg-setup.sql
--
-- It can be run again (after an upgrade, say): it changes nothing that is
-- already right. It makes two roles:
--
--   aftercare_owner  owns the schema "aftercare" and its tables. Aftercare,
--                    signed in as this role, creates the tables and later
--                    updates them (aftercare --db ADDRESS --prepare-database).
--   aftercare_desk   a group that holds what a front desk may do: read, add,
--                    change and delete rows in those tables, and nothing
--                    else. No superuser, no new databases or roles, no
--                    tables, no temporary tables, no changes to the tables'
--                    layout. Nobody signs in as it.
--
-- Each desk signs in as a role of its own, a member of that group, so that
-- no desk can change another's password or settings or end its connections:
--
--   CREATE ROLE desk_reception LOGIN IN ROLE aftercare_desk;
--   \password desk_reception
--
-- No role gets a password here. Set them with psql's \password (which sends
-- the password hashed) and keep each in ~/.pgpass on the computer that uses
-- it, or use certificates: see "Clinic: a shared database" in the README.
--
-- Earlier versions of this script had every desk sign in as aftercare_desk
-- itself. Running this script again turns it into the group (and forgets its
-- password): give each desk its own role first.

\set ON_ERROR_STOP on

BEGIN;

DO $roles$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'aftercare_owner') THEN
    CREATE ROLE aftercare_owner LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'aftercare_desk') THEN
    CREATE ROLE aftercare_desk NOLOGIN;
  END IF;
END
$roles$;

-- Whatever they were before, neither may do more than this.
ALTER ROLE aftercare_owner NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
-- The desks' group signs nobody in, so its password and its session
-- settings (which apply only to a role that signs in) are of no use to a
-- desk that changes them. Its members are ordinary roles that inherit its
-- privileges; a member can change only its own password and settings, and
-- end only its own connections.
ALTER ROLE aftercare_desk NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  NOLOGIN PASSWORD NULL;
ALTER ROLE aftercare_desk RESET ALL;

-- Only these roles (and superusers) may connect to this database, and
-- nobody else may make temporary tables in it.
DO $database$
BEGIN
  EXECUTE format ('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database ());
  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO aftercare_owner, aftercare_desk', current_database ());
END
$database$;

-- No tables of anyone's own in the public schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS aftercare AUTHORIZATION aftercare_owner;
ALTER SCHEMA aftercare OWNER TO aftercare_owner;
REVOKE ALL ON SCHEMA aftercare FROM PUBLIC;
GRANT USAGE ON SCHEMA aftercare TO aftercare_desk;

-- Searching the sessions uses a trigram index (pg_trgm, shipped with
-- PostgreSQL) when the server has it; only a superuser may add it, so it is
-- added here, before --prepare-database builds the index. Without it a
-- search still works, reading every session.
DO $trgm$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA aftercare;
  END IF;
END
$trgm$;

-- The desks' rights on every table the owner makes there, now and later:
-- rows only (no TRUNCATE, REFERENCES or TRIGGER); and on its counters.
ALTER DEFAULT PRIVILEGES FOR ROLE aftercare_owner IN SCHEMA aftercare
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO aftercare_desk;
ALTER DEFAULT PRIVILEGES FOR ROLE aftercare_owner IN SCHEMA aftercare
  GRANT USAGE, SELECT ON SEQUENCES TO aftercare_desk;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA aftercare TO aftercare_desk;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA aftercare TO aftercare_desk;

COMMIT;
