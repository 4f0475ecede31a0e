/**
 * Notices to buyers about their orders, through a transactional outbox: the order writes a notice
 * ({@code OrderNotice}) in the transaction of the change it tells of (paid, under review, action
 * needed, delayed, escalated, fulfilled, refunding, refunded). The buyer reads it on the order page
 * (in-app), and {@code NoticeDelivery} sends it as a webhook signed with HMAC-SHA256 to the
 * storefront's endpoint, retried on a schedule (15 s … 1 h) with every attempt recorded ({@code
 * NoticeAttempt}). Deliveries are leased with {@code FOR UPDATE SKIP LOCKED}, so several servers
 * send each notice once (a crash between sending and recording sends it again: receivers
 * de-duplicate by notice id).
 */
package io.kameng.notices;
