-- What buyers can order. Prices in CNY, DECIMAL(19,2); the buyer input a product needs follows
-- from its type (see io.kameng.catalogue.entity.ProductType).
CREATE TABLE product (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    name_zh              VARCHAR(100)  NOT NULL,
    name_en              VARCHAR(100)  NOT NULL,
    type                 VARCHAR(20)   NOT NULL,
    face_value           DECIMAL(19,2) NOT NULL,
    price                DECIMAL(19,2) NOT NULL,
    channel              VARCHAR(20)   NOT NULL,
    carrier              VARCHAR(20)   NULL,
    designated_merchant  VARCHAR(64)   NULL,
    min_quantity         INT           NOT NULL,
    max_quantity         INT           NOT NULL,
    listed               BOOLEAN       NOT NULL,
    created_at           TIMESTAMP(6)  NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_product PRIMARY KEY (id),
    CONSTRAINT ck_product_price CHECK (price > 0 AND face_value > 0),
    CONSTRAINT ck_product_quantity CHECK (min_quantity >= 1 AND max_quantity >= min_quantity),
    CONSTRAINT fk_product_merchant FOREIGN KEY (designated_merchant)
        REFERENCES user_account (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_product_listed ON product (listed, id);

-- The regions/servers a game recharge product offers, in the order the form lists them.
CREATE TABLE product_server (
    product_id BIGINT      NOT NULL,
    position   INT         NOT NULL,
    name       VARCHAR(64) NOT NULL,
    CONSTRAINT pk_product_server PRIMARY KEY (product_id, position),
    CONSTRAINT fk_product_server_product FOREIGN KEY (product_id)
        REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
