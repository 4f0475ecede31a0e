package io.kameng.order.entity;

/**
 * A person cleared an order to be delivered (a reviewer approved it, an admin re-dispatched it from
 * the exception pool): it is dispatched right after the decision commits.
 */
public record OrderCleared(long orderId) {}
