/**
 * The escalation ladder: Kameng's promise that every paid order ends fulfilled or refunded within
 * its deadline. Driven by the times stored on the orders ({@code ladder_due}, the owner's {@code
 * deadline}) and applied by {@code EscalationLadder} in each order's own transaction, claimed with
 * {@code FOR UPDATE SKIP LOCKED} (exact after a restart, safe with several servers): the delay
 * notice (1 h: the buyer is told the cause and the new expected time), the exception pool (2 h: a
 * person at the platform owns it; a delay the platform or a merchant caused earns the buyer a
 * credit voucher, {@code Compensation}), the automatic refund (4 h, unless a person holds it); the
 * buyer's 24 h to correct their input (then refunded); the review's two levels (then the exception
 * pool). People work the exception pool at {@code ExceptionPool}: claim, re-dispatch, refund, or
 * hold with a reason and a deadline.
 */
package io.kameng.escalation;
