CREATE SCHEMA lab;

CREATE TYPE lab.unit AS ENUM ('gram', 'litre');

CREATE TABLE lab.countries (
  code char(2) NOT NULL,
  name text    NOT NULL,
  CONSTRAINT countries_pkey PRIMARY KEY (code)
);
COMMENT ON TABLE lab.countries IS 'Reference data declared in the system, outside any service.';
