-- Refunds: money going back for one paid attempt. The request number is unique and is what the
-- gateway sees: asking again with the same number never pays twice, so a refund whose answer was
-- lost (timeout) is simply asked again. Due refunds (next_try_at) are claimed with SKIP LOCKED.
CREATE TABLE refund (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    order_id      BIGINT        NOT NULL,
    attempt_id    BIGINT        NOT NULL,
    request_no    VARCHAR(48)   NOT NULL,
    amount        DECIMAL(19,2) NOT NULL,
    reason        VARCHAR(30)   NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    tries         INT           NOT NULL DEFAULT 0,
    next_try_at   TIMESTAMP(6)  NULL,
    last_error    VARCHAR(500)  NULL,
    created_at    TIMESTAMP(6)  NOT NULL,
    settled_at    TIMESTAMP(6)  NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT uq_refund_request_no UNIQUE (request_no),
    CONSTRAINT fk_refund_order FOREIGN KEY (order_id) REFERENCES customer_order (id),
    CONSTRAINT fk_refund_attempt FOREIGN KEY (attempt_id) REFERENCES payment_attempt (id),
    CONSTRAINT ck_refund_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_refund_due ON refund (state, next_try_at);
CREATE INDEX ix_refund_order ON refund (order_id);
