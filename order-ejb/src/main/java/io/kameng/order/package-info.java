/**
 * The order: what a buyer bought, where it stands in its life cycle, who owns it now and by when
 * the next step is due. The state machine ({@link io.kameng.order.entity.OrderState}) says which
 * moves are allowed; every move is recorded on the order's timeline.
 */
package io.kameng.order;
