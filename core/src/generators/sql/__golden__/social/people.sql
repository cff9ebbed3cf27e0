CREATE SCHEMA people;
COMMENT ON SCHEMA people IS 'People and the teams they belong to. It''s "social".';

CREATE TYPE people.role AS ENUM ('owner', 'admin', 'member');
COMMENT ON TYPE people.role IS 'What someone may do in a team.';

CREATE TABLE people."user" (
  id            uuid        NOT NULL DEFAULT gen_random_uuid(),
  handle        varchar(32) NOT NULL,
  "displayName" text        NOT NULL,
  team_id       uuid,
  manager_id    uuid,
  role          people.role NOT NULL DEFAULT 'member',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT user_pkey PRIMARY KEY (id),
  CONSTRAINT user_handle_key UNIQUE (handle),
  CONSTRAINT user_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES people."user" (id),
  CONSTRAINT user_handle_check CHECK (handle ~ '^[a-z0-9_]+$')
);
CREATE INDEX user_team_id_idx ON people."user" (team_id);
CREATE INDEX user_manager_id_idx ON people."user" (manager_id);
COMMENT ON TABLE people."user" IS 'A person; the table is called `user`, a word PostgreSQL reserves.';
COMMENT ON COLUMN people."user".team_id IS 'The team they lead, if any: with Team.lead_id this closes a cycle.';

CREATE TABLE people.teams (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  name       text        NOT NULL,
  lead_id    uuid        NOT NULL,
  "order"    integer     NOT NULL DEFAULT 0,
  "group"    text,
  "select"   boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT teams_pkey PRIMARY KEY (id),
  CONSTRAINT teams_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES people."user" (id) ON DELETE RESTRICT
);
CREATE INDEX teams_lead_id_idx ON people.teams (lead_id);
COMMENT ON TABLE people.teams IS E'A team. Its ''lead'' is a user; C:\\teams is where the old data lived.';

CREATE TABLE people.memberships (
  user_id    uuid        NOT NULL,
  team_id    uuid        NOT NULL,
  "from"     date        NOT NULL,
  "to"       date,
  role       people.role NOT NULL DEFAULT 'member',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT memberships_pkey PRIMARY KEY (user_id, team_id),
  CONSTRAINT memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES people."user" (id) ON DELETE CASCADE,
  CONSTRAINT memberships_team_id_fkey FOREIGN KEY (team_id) REFERENCES people.teams (id) ON DELETE CASCADE
);
CREATE INDEX memberships_team_id_idx ON people.memberships (team_id);

-- Foreign keys that close a cycle, added once every table exists.
ALTER TABLE people."user" ADD CONSTRAINT user_team_id_fkey FOREIGN KEY (team_id) REFERENCES people.teams (id) ON DELETE SET NULL;
