-- The merchant channel: merchants who fulfil orders by hand, by fixed assignment or from the grab
-- pool (io.kameng.merchants).

-- A merchant order in hand: who holds it (merchant, a username) and how far they are
-- (merchant_step ASSIGNED, CLAIMED or ACCEPTED). A merchant-channel order owned by MERCHANT with
-- no merchant is in the grab pool.
ALTER TABLE customer_order
    ADD COLUMN merchant      VARCHAR(64) NULL,
    ADD COLUMN merchant_step VARCHAR(20) NULL;

-- A merchant's orders in hand (its own list, and its concurrent-order limit).
CREATE INDEX ix_customer_order_merchant ON customer_order (merchant, state);

-- How a merchant stands with the platform: online or not (only online merchants get orders),
-- ACTIVE, RESTRICTED (keeps its orders, claims nothing new from the pool) or SUSPENDED (gets
-- nothing), and how many orders it may hold at once. Claims lock this row, so a merchant's
-- concurrent claims are counted one after the other.
CREATE TABLE merchant (
    username     VARCHAR(64)  NOT NULL,
    standing     VARCHAR(20)  NOT NULL,
    online       BOOLEAN      NOT NULL,
    order_limit  INT          NOT NULL,
    changed_at   TIMESTAMP(6) NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_merchant PRIMARY KEY (username),
    CONSTRAINT fk_merchant_account FOREIGN KEY (username) REFERENCES user_account (username),
    CONSTRAINT ck_merchant_order_limit CHECK (order_limit >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What counts against a merchant (io.kameng.merchants.entity.StrikeKind): an order it let wait
-- (offline when assigned, accept or fulfil deadline missed) or sent back. Only inserted; the KPI
-- scoring reads it. The foreign key names the account, not the merchant row: a key check on the
-- merchant row would wait for a merchant's claim, which holds that row while it counts the orders
-- in hand (a deadlock with the deadline scan that holds one of them).
CREATE TABLE merchant_strike (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    merchant     VARCHAR(64)  NOT NULL,
    order_id     BIGINT       NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    note         VARCHAR(500) NULL,
    occurred_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_merchant_strike PRIMARY KEY (id),
    CONSTRAINT fk_merchant_strike_account FOREIGN KEY (merchant) REFERENCES user_account (username),
    CONSTRAINT fk_merchant_strike_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_merchant_strike_merchant ON merchant_strike (merchant, occurred_at);
CREATE INDEX ix_merchant_strike_order ON merchant_strike (order_id, merchant);

-- What a merchant delivered by hand: the text the buyer reads on the order page (a recharge
-- receipt, a code, a note).
CREATE TABLE merchant_delivery (
    order_id      BIGINT        NOT NULL,
    merchant      VARCHAR(64)   NOT NULL,
    note          VARCHAR(1000) NOT NULL,
    delivered_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_merchant_delivery PRIMARY KEY (order_id),
    CONSTRAINT fk_merchant_delivery_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT fk_merchant_delivery_account FOREIGN KEY (merchant) REFERENCES user_account (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where a product's orders go when its suppliers cannot take them: the suppliers to try, in order
-- (comma-separated provider names; null = the server's kameng.supplier.providers), and whether the
-- merchant grab pool comes before the exception pool.
ALTER TABLE product
    ADD COLUMN supplier_chain    VARCHAR(200) NULL,
    ADD COLUMN merchant_fallback BOOLEAN      NOT NULL DEFAULT FALSE;

-- Each supplier's recharges of the last hour, for the admins' supplier page.
CREATE INDEX ix_supplier_order_provider ON supplier_order (provider, created_at);
