-- The nightly reconciliation (io.kameng.reconciliation): one run per partner and China-time day,
-- guarded by the unique key, so concurrent starts on any number of servers make one run; a re-run
-- of the day replaces the run's result in the same row. The statement file is kept on disk with
-- its SHA-256 and size (statement_file: a re-fetched file that differs is a new version).
CREATE TABLE reconciliation_run (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    kind                VARCHAR(10)   NOT NULL,
    partner             VARCHAR(32)   NOT NULL,
    day                 DATE          NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    attempt             INT           NOT NULL DEFAULT 1,
    execution_id        BIGINT        NULL,
    runner              VARCHAR(160)  NULL,
    step                VARCHAR(20)   NULL,
    items               BIGINT        NOT NULL DEFAULT 0,
    started_by          VARCHAR(64)   NOT NULL,
    started_at          TIMESTAMP(6)  NOT NULL,
    ended_at            TIMESTAMP(6)  NULL,
    failure             VARCHAR(500)  NULL,
    next_try_at         TIMESTAMP(6)  NULL,
    file_version        INT           NULL,
    file_sha256         CHAR(64)      NULL,
    file_size           BIGINT        NULL,
    file_path           VARCHAR(500)  NULL,
    line_count          BIGINT        NULL,
    resumed_at_line     BIGINT        NULL,
    statement_received  DECIMAL(19,2) NULL,
    statement_refunded  DECIMAL(19,2) NULL,
    statement_fees      DECIMAL(19,2) NULL,
    platform_received   DECIMAL(19,2) NULL,
    platform_refunded   DECIMAL(19,2) NULL,
    platform_fees       DECIMAL(19,2) NULL,
    explained           DECIMAL(19,2) NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_reconciliation_run PRIMARY KEY (id),
    CONSTRAINT uq_reconciliation_run_day UNIQUE (kind, partner, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_reconciliation_run_state ON reconciliation_run (state, next_try_at);
CREATE INDEX ix_reconciliation_run_day ON reconciliation_run (day);

CREATE TABLE statement_file (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    run_id      BIGINT        NOT NULL,
    version     INT           NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    size        BIGINT        NOT NULL,
    path        VARCHAR(500)  NOT NULL,
    fetched_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_statement_file PRIMARY KEY (id),
    CONSTRAINT uq_statement_file_version UNIQUE (run_id, version),
    CONSTRAINT fk_statement_file_run FOREIGN KEY (run_id) REFERENCES reconciliation_run (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The statement's lines, loaded in chunks (the primary key makes a chunk loaded twice after a
-- restart harmless), then matched against the platform's records by set-based joins. The match
-- columns are filled by the match step; suspect lines are the only ones classified one by one.
CREATE TABLE statement_line (
    run_id         BIGINT        NOT NULL,
    line_no        INT           NOT NULL,
    line_type      VARCHAR(10)   NOT NULL,
    reference      VARCHAR(64)   NOT NULL,
    partner_no     VARCHAR(64)   NULL,
    refund_no      VARCHAR(64)   NULL,
    amount         DECIMAL(19,2) NOT NULL,
    fee            DECIMAL(19,2) NOT NULL DEFAULT 0,
    completed_at   TIMESTAMP(6)  NOT NULL,
    raw            VARCHAR(1000) NOT NULL,
    record_id      BIGINT        NULL,
    record_state   VARCHAR(20)   NULL,
    record_amount  DECIMAL(19,2) NULL,
    order_id       BIGINT        NULL,
    other_paid     BOOLEAN       NOT NULL DEFAULT FALSE,
    suspect        BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_statement_line PRIMARY KEY (run_id, line_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The platform's records of the day that no statement line has (filled by the match step).
CREATE TABLE platform_only (
    run_id        BIGINT        NOT NULL,
    line_type     VARCHAR(10)   NOT NULL,
    record_id     BIGINT        NOT NULL,
    reference     VARCHAR(64)   NOT NULL,
    amount        DECIMAL(19,2) NOT NULL,
    completed_at  TIMESTAMP(6)  NOT NULL,
    order_id      BIGINT        NULL,
    CONSTRAINT pk_platform_only PRIMARY KEY (run_id, line_type, record_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_statement_line_reference ON statement_line (reference, line_type);
CREATE INDEX ix_statement_line_refund ON statement_line (refund_no);
CREATE INDEX ix_statement_line_suspect ON statement_line (run_id, suspect, line_no);

-- Every difference found, with the statement's line, the platform's record, the order, what was
-- done automatically and a person's resolution (who, when, note: the audit). A re-run of the day
-- finds the same differences again under the same key and fixes nothing twice.
CREATE TABLE reconciliation_difference (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    run_id           BIGINT        NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    match_key        VARCHAR(80)   NOT NULL,
    day              DATE          NOT NULL,
    order_id         BIGINT        NULL,
    order_no         VARCHAR(32)   NULL,
    statement_line   VARCHAR(1000) NULL,
    platform_record  VARCHAR(1000) NULL,
    amount           DECIMAL(19,2) NOT NULL DEFAULT 0,
    state            VARCHAR(20)   NOT NULL,
    fix              VARCHAR(500)  NULL,
    found_at         TIMESTAMP(6)  NOT NULL,
    fixed_at         TIMESTAMP(6)  NULL,
    resolved_by      VARCHAR(64)   NULL,
    resolved_at      TIMESTAMP(6)  NULL,
    resolution_note  VARCHAR(500)  NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_reconciliation_difference PRIMARY KEY (id),
    CONSTRAINT uq_reconciliation_difference UNIQUE (run_id, kind, match_key),
    CONSTRAINT fk_reconciliation_difference_run FOREIGN KEY (run_id) REFERENCES reconciliation_run (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_reconciliation_difference_state ON reconciliation_difference (state, day);
CREATE INDEX ix_reconciliation_difference_day ON reconciliation_difference (day, kind);
CREATE INDEX ix_reconciliation_difference_order ON reconciliation_difference (order_id);

-- The holding pool: a platform record near a day's cut-off that the day's statement does not
-- have waits here (up to the pool days setting) for a later statement before it becomes a
-- difference; it leaves as soon as a statement has it.
CREATE TABLE reconciliation_pool (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(10)   NOT NULL,
    partner     VARCHAR(32)   NOT NULL,
    record_key  VARCHAR(80)   NOT NULL,
    line_type   VARCHAR(10)   NOT NULL,
    record_id   BIGINT        NOT NULL,
    order_id    BIGINT        NULL,
    amount      DECIMAL(19,2) NOT NULL,
    day         DATE          NOT NULL,
    state       VARCHAR(10)   NOT NULL,
    left_day    DATE          NULL,
    CONSTRAINT pk_reconciliation_pool PRIMARY KEY (id),
    CONSTRAINT uq_reconciliation_pool UNIQUE (kind, partner, line_type, record_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_reconciliation_pool_state ON reconciliation_pool (kind, partner, state, day);

-- The platform side of a day is read by completion time.
CREATE INDEX ix_payment_attempt_paid ON payment_attempt (state, paid_at);
CREATE INDEX ix_refund_settled ON refund (state, settled_at);
CREATE INDEX ix_supplier_order_finished ON supplier_order (provider, finished_at);
