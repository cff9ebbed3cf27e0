CREATE SCHEMA inventory;

CREATE TABLE inventory.warehouses (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  name       text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT warehouses_pkey PRIMARY KEY (id)
);

CREATE TABLE inventory.stock_moves (
  warehouse_id uuid      NOT NULL,
  quantity     integer   NOT NULL,
  moved_at     timestamp NOT NULL,
  CONSTRAINT stock_moves_warehouse_id_fkey FOREIGN KEY (warehouse_id) REFERENCES inventory.warehouses (id)
);

-- warehouse_id refers to inventory.warehouses (id): no foreign key (its type text does not match Warehouse.id (uuid))
CREATE TABLE inventory.items (
  id           serial      NOT NULL,
  sku          text        NOT NULL,
  warehouse_id text        NOT NULL,
  unit_cost    real        NOT NULL,
  tag_ids      text        NOT NULL,
  code         char(8)     NOT NULL,
  attributes   json        NOT NULL,
  this_column_name_is_far_too_long_for_postgres_to_keep_it_withou text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT items_pkey PRIMARY KEY (id),
  CONSTRAINT items_sku_key UNIQUE (sku)
);
CREATE INDEX items_sku_idx ON inventory.items (sku);

-- primary key (id) extended with the partition key: (id, taken_at)
CREATE TABLE inventory.readings (
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  item_id    integer     NOT NULL,
  taken_at   timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT readings_pkey PRIMARY KEY (id, taken_at),
  CONSTRAINT readings_item_id_fkey FOREIGN KEY (item_id) REFERENCES inventory.items (id)
) PARTITION BY RANGE (taken_at);
CREATE TABLE inventory.readings_default PARTITION OF inventory.readings DEFAULT;
CREATE INDEX readings_item_id_idx ON inventory.readings (item_id);
