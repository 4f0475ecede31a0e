/**
 * The merchant channel: merchants who deliver orders by hand. A paid order of a merchant product
 * goes to the product's designated merchant (fixed assignment, with an accept deadline) or to the
 * grab pool, where eligible merchants claim orders ({@code FOR UPDATE SKIP LOCKED}) within their
 * concurrent-order limit. A merchant accepts, delivers (a text the buyer reads), sends an order
 * back with a reason, or asks the buyer to correct their input; an order a merchant lets wait
 * (offline, deadline missed) goes back to the pool and counts against the merchant (a strike); an
 * order nobody takes goes to the platform's exception pool. Merchants act only on their own orders,
 * checked at the boundary ({@code MerchantDesk}); admins see and set merchants' standing ({@code
 * MerchantAdmin}).
 */
package io.kameng.merchants;
