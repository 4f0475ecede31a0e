-- Card-key stock (io.kameng.stock.entity.CardKey). A key is stored sealed (AES-256-GCM: nonce and
-- ciphertext) with a keyed digest (HMAC-SHA256, hex) that finds duplicates without opening
-- anything, and a masked form (last four characters) for everybody but its buyer. A key is issued to
-- one order, once: available keys are claimed with FOR UPDATE SKIP LOCKED and moved to ISSUED by a
-- conditional update.
CREATE TABLE card_key (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    product_id   BIGINT         NOT NULL,
    -- Whose stock: a merchant's username, or NULL for the platform's own.
    owner        VARCHAR(64)    NULL,
    code_sealed  VARBINARY(300) NOT NULL,
    code_digest  CHAR(64)       NOT NULL,
    code_masked  VARCHAR(24)    NOT NULL,
    state        VARCHAR(12)    NOT NULL,
    order_id     BIGINT         NULL,
    import_no    VARCHAR(40)    NOT NULL,
    imported_at  TIMESTAMP(6)   NOT NULL,
    issued_at    TIMESTAMP(6)   NULL,
    version      BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_card_key PRIMARY KEY (id),
    CONSTRAINT uq_card_key_digest UNIQUE (code_digest),
    CONSTRAINT fk_card_key_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_card_key_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_card_key_issued CHECK ((state = 'ISSUED') = (order_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Issuing takes the oldest available keys of a product; a buyer's page reads the keys of an order.
CREATE INDEX ix_card_key_stock ON card_key (product_id, state, id);
CREATE INDEX ix_card_key_order ON card_key (order_id);

-- A product whose stock ran out is off sale until it is restocked, without touching the admin's
-- own listing (delisted stays delisted when keys come in).
-- partial_delivery: an order for more keys than the stock holds gets what there is and the rest of
-- its money back, instead of waiting for a restock.
ALTER TABLE product
    ADD COLUMN sold_out BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN partial_delivery BOOLEAN NOT NULL DEFAULT FALSE;
