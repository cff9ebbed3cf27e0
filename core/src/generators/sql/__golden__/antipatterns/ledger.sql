CREATE SCHEMA ledger;

CREATE TABLE ledger.accounts (
  id          uuid        NOT NULL DEFAULT gen_random_uuid(),
  owner_email text        NOT NULL,
  api_token   text        NOT NULL,
  balance     money       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT accounts_pkey PRIMARY KEY (id)
);
