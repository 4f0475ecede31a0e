/**
 * Fulfilment: moving paid orders to delivery by their product's channel. Card keys are issued from
 * the stock ({@link io.kameng.stock}); the supplier and merchant channels come next.
 */
package io.kameng.fulfilment;
