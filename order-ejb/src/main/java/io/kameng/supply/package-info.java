/**
 * Upstream suppliers: recharges (top-ups, game recharges) asked of a supplier per order, under
 * fault tolerance, with their signed results (callback or query) applied once; when no supplier can
 * take an order it goes to the platform's exception pool.
 */
package io.kameng.supply;
