-- Payment attempts: an order may be paid through several tries (the buyer gives up at the gateway
-- and tries again). Each attempt has its own reference at the gateway (out_trade_no), so a notice
-- names exactly one attempt; the attempt's state is changed by compare-and-set, so a repeated or
-- concurrent notice changes nothing twice. next_query_at drives the active query of attempts whose
-- notice does not come (1, 5, 15 and 60 minutes after the buyer was sent to pay).
CREATE TABLE payment_attempt (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    order_id          BIGINT        NOT NULL,
    attempt_no        INT           NOT NULL,
    reference         VARCHAR(40)   NOT NULL,
    provider          VARCHAR(20)   NOT NULL,
    gateway_trade_no  VARCHAR(64)   NULL,
    amount            DECIMAL(19,2) NOT NULL,
    state             VARCHAR(20)   NOT NULL,
    pay_url           VARCHAR(500)  NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    paid_at           TIMESTAMP(6)  NULL,
    next_query_at     TIMESTAMP(6)  NULL,
    queries           INT           NOT NULL DEFAULT 0,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_payment_attempt PRIMARY KEY (id),
    CONSTRAINT uq_payment_attempt_reference UNIQUE (reference),
    CONSTRAINT uq_payment_attempt_order UNIQUE (order_id, attempt_no),
    CONSTRAINT fk_payment_attempt_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_payment_attempt_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_payment_attempt_query ON payment_attempt (state, next_query_at);

-- Every payment notice received, verified or not, with what Kameng did about it: the admins' record
-- of forged, mismatched and repeated notices. Only ever inserted.
CREATE TABLE payment_notice (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    provider          VARCHAR(20)   NOT NULL,
    received_at       TIMESTAMP(6)  NOT NULL,
    reference         VARCHAR(64)   NULL,
    gateway_trade_no  VARCHAR(64)   NULL,
    amount            VARCHAR(32)   NULL,
    trade_status      VARCHAR(32)   NULL,
    outcome           VARCHAR(30)   NOT NULL,
    payload           VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_payment_notice PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_payment_notice_reference ON payment_notice (reference, id);
CREATE INDEX ix_payment_notice_outcome ON payment_notice (outcome, received_at);
