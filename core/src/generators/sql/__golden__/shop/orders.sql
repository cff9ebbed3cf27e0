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
