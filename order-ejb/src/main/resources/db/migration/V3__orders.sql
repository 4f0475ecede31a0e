-- Buyers' orders (io.kameng.order.entity.Order). "order" is a reserved word, hence customer_order.
-- Every order that is not settled has an owner and a deadline (when the next escalation step
-- fires); a late one also has a stuck reason. Money in CNY, DECIMAL(19,2); times in UTC.
CREATE TABLE customer_order (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    order_no           VARCHAR(24)   NOT NULL,
    -- SHA-256 (hex) of the guest's access token; the token itself is never stored.
    access_token_hash  CHAR(64)      NOT NULL,
    product_id         BIGINT        NOT NULL,
    product_name_zh    VARCHAR(100)  NOT NULL,
    product_name_en    VARCHAR(100)  NOT NULL,
    product_type       VARCHAR(20)   NOT NULL,
    unit_price         DECIMAL(19,2) NOT NULL,
    quantity           INT           NOT NULL,
    amount             DECIMAL(19,2) NOT NULL,
    -- What the buyer typed, normalised, as a JSON object {"field": "value"} in form order.
    buyer_input        VARCHAR(2000) NOT NULL,
    buyer_ip           VARCHAR(45)   NULL,
    state              VARCHAR(20)   NOT NULL,
    owner              VARCHAR(20)   NULL,
    deadline           TIMESTAMP(6)  NULL,
    expected_at        TIMESTAMP(6)  NULL,
    stuck_reason       VARCHAR(20)   NULL,
    payment_deadline   TIMESTAMP(6)  NOT NULL,
    submitted_at       TIMESTAMP(6)  NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_customer_order PRIMARY KEY (id),
    CONSTRAINT uq_customer_order_no UNIQUE (order_no),
    CONSTRAINT fk_customer_order_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_customer_order_money CHECK (unit_price > 0 AND quantity >= 1 AND amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The scans (unpaid expiry now, the escalation ladder later) claim due orders by state and deadline.
CREATE INDEX ix_customer_order_due ON customer_order (state, deadline);

-- The append-only timeline of an order: who did what, when, and why. Rows are only ever inserted.
CREATE TABLE order_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    order_id     BIGINT        NOT NULL,
    occurred_at  TIMESTAMP(6)  NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    event        VARCHAR(40)   NOT NULL,
    state_after  VARCHAR(20)   NOT NULL,
    reason       VARCHAR(500)  NULL,
    CONSTRAINT pk_order_event PRIMARY KEY (id),
    CONSTRAINT fk_order_event_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_order_event_order ON order_event (order_id, id);

-- Request keys of POST /orders, stored as SHA-256 (hex) of a namespaced key. A client's
-- Idempotency-Key ("key:<key>") is kept 24 hours: the same key and body answer the same order; the
-- guest's access token is kept sealed with a key derived from the Idempotency-Key itself (which is
-- not stored), so only a client presenting the key again can read it back. Without a key,
-- "repeat:<product, quantity, normalised input>" is kept 60 seconds, so a repeated submission finds
-- the unpaid order it repeats. Claiming a row here serialises concurrent requests with one key.
CREATE TABLE order_request_key (
    key_hash      CHAR(64)       NOT NULL,
    request_hash  CHAR(64)       NOT NULL,
    order_id      BIGINT         NULL,
    sealed_token  VARBINARY(128) NULL,
    created_at    TIMESTAMP(6)   NOT NULL,
    expires_at    TIMESTAMP(6)   NOT NULL,
    CONSTRAINT pk_order_request_key PRIMARY KEY (key_hash),
    CONSTRAINT fk_order_request_key_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

CREATE INDEX ix_order_request_key_expiry ON order_request_key (expires_at);
