CREATE SCHEMA users;
COMMENT ON SCHEMA users IS 'Accounts, profiles and sign-in.';

CREATE TABLE users.users (
  id            uuid         NOT NULL DEFAULT gen_random_uuid(),
  email         varchar(320) NOT NULL,
  name          text         NOT NULL,
  password_hash text         NOT NULL,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  updated_at    timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_email_key UNIQUE (email)
);
