CREATE SCHEMA catalog;
COMMENT ON SCHEMA catalog IS 'What we sell.';

CREATE TYPE catalog.product_status AS ENUM ('active', 'archived');

CREATE TABLE catalog.categories (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  name       text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT categories_pkey PRIMARY KEY (id),
  CONSTRAINT categories_name_key UNIQUE (name)
);

CREATE TABLE catalog.products (
  id          uuid                   NOT NULL DEFAULT gen_random_uuid(),
  sku         varchar(64)            NOT NULL,
  name        text                   NOT NULL,
  description text,
  price       numeric(12,2)          NOT NULL,
  status      catalog.product_status NOT NULL DEFAULT 'active',
  category_id uuid                   NOT NULL,
  created_at  timestamptz            NOT NULL DEFAULT now(),
  updated_at  timestamptz            NOT NULL DEFAULT now(),
  CONSTRAINT products_pkey PRIMARY KEY (id),
  CONSTRAINT products_sku_key UNIQUE (sku),
  CONSTRAINT products_category_id_fkey FOREIGN KEY (category_id) REFERENCES catalog.categories (id) ON DELETE RESTRICT,
  CONSTRAINT products_price_check CHECK (price >= 0)
);
CREATE INDEX products_category_id_status_idx ON catalog.products (category_id, status);
