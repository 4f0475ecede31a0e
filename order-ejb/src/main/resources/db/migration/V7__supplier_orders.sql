-- Recharges asked of upstream suppliers (io.kameng.supply.entity.SupplierOrder), one row per try:
-- an order may try several suppliers. The request id (<order_no>S<n>) is what the supplier sees;
-- asking again with it never recharges twice. A recharge the platform is waiting for (SENT) is
-- queried when its result does not come (next_query_at, claimed with SKIP LOCKED); one that could
-- not be sent (UNAVAILABLE) may still turn out done when the supplier's result arrives late.
CREATE TABLE supplier_order (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    order_id           BIGINT        NOT NULL,
    provider           VARCHAR(32)   NOT NULL,
    request_id         VARCHAR(48)   NOT NULL,
    account            VARCHAR(64)   NOT NULL,
    amount             DECIMAL(19,2) NOT NULL,
    state              VARCHAR(12)   NOT NULL,
    supplier_order_no  VARCHAR(64)   NULL,
    detail             VARCHAR(200)  NULL,
    next_query_at      TIMESTAMP(6)  NULL,
    queries            INT           NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(6)  NOT NULL,
    finished_at        TIMESTAMP(6)  NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_supplier_order PRIMARY KEY (id),
    CONSTRAINT uq_supplier_order_request UNIQUE (request_id),
    CONSTRAINT fk_supplier_order_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_supplier_order_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_supplier_order_due ON supplier_order (state, next_query_at);
CREATE INDEX ix_supplier_order_order ON supplier_order (order_id);
