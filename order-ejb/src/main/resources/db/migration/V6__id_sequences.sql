-- Ids for the rows every order writes (the order, its timeline events) are handed out in blocks
-- of 50 from this table instead of AUTO_INCREMENT: EclipseLink otherwise asks the database for
-- LAST_INSERT_ID() after every insert, a round trip per row. A block is taken with a row lock, so
-- several servers never hand out one id twice. next_value is the last id handed out.
CREATE TABLE id_sequence (
    name        VARCHAR(40) NOT NULL,
    next_value  BIGINT      NOT NULL,
    CONSTRAINT pk_id_sequence PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

INSERT INTO id_sequence (name, next_value)
    SELECT 'customer_order', COALESCE(MAX(id), 0) FROM customer_order;
INSERT INTO id_sequence (name, next_value)
    SELECT 'order_event', COALESCE(MAX(id), 0) FROM order_event;
