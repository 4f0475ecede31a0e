package io.kameng.order.entity;

/**
 * The buyer corrected the input of an order that waited for it: fired in the correcting
 * transaction, observed after it commits so the order is dispatched again at once.
 */
public record OrderCorrected(long orderId) {}
