-- The escalation ladder, risk review, the exception pool, the outbox and compensation.

-- Every paid order that is not settled climbs the ladder: ladder_step is its next step
-- (DELAY_NOTICE, EXCEPTION_POOL, AUTO_REFUND), due at ladder_due, counted from ladder_from (the
-- payment, or the buyer's correction after the ladder paused for the buyer). Settled, refunding and
-- unpaid orders have no ladder_due, so the index holds only the orders the ladder may act on and a
-- scan reads only the due ones.
-- buyer_key: who the buyer is for the risk rules (contact, else phone, else game account).
-- handler: the person who claimed the order (a reviewer, or an admin in the exception pool).
-- review_level: 1 first review, 2 second (senior) review. hold_*: an admin's hold in the
-- exception pool, never open-ended. escalated_at: when the order entered the exception pool.
ALTER TABLE customer_order
    ADD COLUMN buyer_key     VARCHAR(254)  NULL,
    ADD COLUMN ladder_from   TIMESTAMP(6)  NULL,
    ADD COLUMN ladder_step   VARCHAR(20)   NULL,
    ADD COLUMN ladder_due    TIMESTAMP(6)  NULL,
    ADD COLUMN handler       VARCHAR(64)   NULL,
    ADD COLUMN review_level  INT           NULL,
    ADD COLUMN hold_until    TIMESTAMP(6)  NULL,
    ADD COLUMN hold_reason   VARCHAR(500)  NULL,
    ADD COLUMN escalated_at  TIMESTAMP(6)  NULL;

CREATE INDEX ix_customer_order_ladder ON customer_order (ladder_due);
-- The exception pool's page lists the orders that went there, oldest first.
CREATE INDEX ix_customer_order_pool ON customer_order (escalated_at);
-- The dispatcher asks every 15 s which products have orders waiting for a restock: with a million
-- open orders a scan of the FULFILLING rows took 2.5 s (ladder benchmark); this index answers it.
CREATE INDEX ix_customer_order_stuck ON customer_order (state, stuck_reason, product_id);
-- The risk rules count a buyer's and an address's recent orders.
CREATE INDEX ix_customer_order_ip ON customer_order (buyer_ip, submitted_at);
CREATE INDEX ix_customer_order_buyer ON customer_order (buyer_key, submitted_at);

-- Settings admins change at run time (ladder times, risk thresholds, compensation rule). A missing
-- row means the default; every change is kept in platform_setting_change.
CREATE TABLE platform_setting (
    name        VARCHAR(64)   NOT NULL,
    value       VARCHAR(500)  NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_platform_setting PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE platform_setting_change (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    name        VARCHAR(64)   NOT NULL,
    old_value   VARCHAR(500)  NULL,
    new_value   VARCHAR(500)  NOT NULL,
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_platform_setting_change PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_platform_setting_change_time ON platform_setting_change (changed_at);

-- Blacklisted buyers: an IP, a contact, a phone number or a game account. A paid order that names
-- one is blocked (refunded with the reason).
CREATE TABLE risk_blacklist (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    kind      VARCHAR(20)   NOT NULL,
    value     VARCHAR(254)  NOT NULL,
    reason    VARCHAR(500)  NOT NULL,
    added_by  VARCHAR(64)   NOT NULL,
    added_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_risk_blacklist PRIMARY KEY (id),
    CONSTRAINT uq_risk_blacklist UNIQUE (kind, value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The risk decision on a paid order (one per order): which rules fired, and the review's outcome.
CREATE TABLE risk_decision (
    order_id       BIGINT        NOT NULL,
    outcome        VARCHAR(10)   NOT NULL,
    rules          VARCHAR(500)  NOT NULL,
    decided_at     TIMESTAMP(6)  NOT NULL,
    reviewer       VARCHAR(64)   NULL,
    review_outcome VARCHAR(10)   NULL,
    review_reason  VARCHAR(500)  NULL,
    reviewed_at    TIMESTAMP(6)  NULL,
    CONSTRAINT pk_risk_decision PRIMARY KEY (order_id),
    CONSTRAINT fk_risk_decision_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_risk_decision_outcome CHECK (outcome IN ('PASS', 'REVIEW', 'BLOCK'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The transactional outbox: a notice about an order is inserted with the order change it tells
-- of. It is the buyer's in-app notice (the order page reads it) and is delivered as a signed
-- webhook to the storefront's endpoint, retried on a schedule; every try is in notice_attempt.
-- delivery: PENDING (to send at next_attempt_at), DELIVERED, FAILED (retries used up), IN_APP_ONLY
-- (no webhook endpoint configured when it was due).
CREATE TABLE order_notice (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    order_id         BIGINT        NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    cause            VARCHAR(20)   NULL,
    expected_at      TIMESTAMP(6)  NULL,
    created_at       TIMESTAMP(6)  NOT NULL,
    delivery         VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP(6)  NULL,
    delivered_at     TIMESTAMP(6)  NULL,
    CONSTRAINT pk_order_notice PRIMARY KEY (id),
    CONSTRAINT fk_order_notice_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_order_notice_order ON order_notice (order_id, id);
CREATE INDEX ix_order_notice_due ON order_notice (delivery, next_attempt_at);

CREATE TABLE notice_attempt (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    notice_id     BIGINT        NOT NULL,
    attempted_at  TIMESTAMP(6)  NOT NULL,
    target        VARCHAR(500)  NOT NULL,
    http_status   INT           NULL,
    outcome       VARCHAR(500)  NOT NULL,
    CONSTRAINT pk_notice_attempt PRIMARY KEY (id),
    CONSTRAINT fk_notice_attempt_notice FOREIGN KEY (notice_id) REFERENCES order_notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_notice_attempt_notice ON notice_attempt (notice_id, id);

-- A credit voucher for a delay beyond the exception pool time that the platform or a merchant
-- caused: at most one per order (the primary key), charged to the merchant when it caused it.
CREATE TABLE compensation_voucher (
    order_id    BIGINT        NOT NULL,
    code        VARCHAR(32)   NOT NULL,
    amount      DECIMAL(19,2) NOT NULL,
    cause       VARCHAR(20)   NOT NULL,
    charged_to  VARCHAR(64)   NULL,
    issued_at   TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_compensation_voucher PRIMARY KEY (order_id),
    CONSTRAINT uq_compensation_voucher_code UNIQUE (code),
    CONSTRAINT fk_compensation_voucher_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT ck_compensation_voucher_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_compensation_voucher_charged ON compensation_voucher (charged_to, issued_at);
