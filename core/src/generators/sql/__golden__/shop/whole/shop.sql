-- Schema users: service Users
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

-- Schema catalog: service Catalog
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

-- Schema orders: service Orders
CREATE SCHEMA orders;
COMMENT ON SCHEMA orders IS 'Carts become orders; orders get paid and shipped.';

CREATE TYPE orders.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE orders.orders (
  id         uuid                NOT NULL DEFAULT gen_random_uuid(),
  user_id    uuid                NOT NULL,
  status     orders.order_status NOT NULL DEFAULT 'pending',
  total      numeric(12,2)       NOT NULL,
  currency   varchar(3)          NOT NULL,
  created_at timestamptz         NOT NULL DEFAULT now(),
  updated_at timestamptz         NOT NULL DEFAULT now(),
  CONSTRAINT orders_pkey PRIMARY KEY (id),
  CONSTRAINT orders_total_check CHECK (total >= 0)
);
CREATE INDEX orders_user_id_created_at_idx ON orders.orders (user_id, created_at);

CREATE TABLE orders.order_lines (
  id         uuid          NOT NULL DEFAULT gen_random_uuid(),
  order_id   uuid          NOT NULL,
  product_id uuid          NOT NULL,
  quantity   integer       NOT NULL,
  unit_price numeric(12,2) NOT NULL,
  created_at timestamptz   NOT NULL DEFAULT now(),
  updated_at timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT order_lines_pkey PRIMARY KEY (id),
  CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders.orders (id) ON DELETE CASCADE,
  CONSTRAINT order_lines_quantity_check CHECK (quantity > 0)
);
CREATE INDEX order_lines_order_id_idx ON orders.order_lines (order_id);
