CREATE SCHEMA listings;

CREATE TABLE listings.listings (
  id         uuid          NOT NULL DEFAULT gen_random_uuid(),
  title      text          NOT NULL,
  price      numeric(12,2) NOT NULL,
  created_at timestamptz   NOT NULL DEFAULT now(),
  updated_at timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT listings_pkey PRIMARY KEY (id)
);
