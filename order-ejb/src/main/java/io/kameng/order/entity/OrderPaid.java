package io.kameng.order.entity;

/**
 * An order was paid (also late): fired in the paying transaction, observed after it commits so the
 * next step starts at once instead of at the next scan.
 */
public record OrderPaid(long orderId) {}
