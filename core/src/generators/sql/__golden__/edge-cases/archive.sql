CREATE SCHEMA archive;

-- A copy of the enum Unit of system Lab.
CREATE TYPE archive.unit AS ENUM ('gram', 'litre');

-- specimen_id refers to samples.specimens (id) in service Samples: not enforced across services
CREATE TABLE archive.records (
  id          uuid         NOT NULL DEFAULT gen_random_uuid(),
  specimen_id integer      NOT NULL,
  unit        archive.unit NOT NULL,
  CONSTRAINT records_pkey PRIMARY KEY (id)
);
