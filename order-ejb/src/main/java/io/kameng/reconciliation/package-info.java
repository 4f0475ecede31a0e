/**
 * Reconciliation: every night the payment gateway's and each supplier's statement of a China-time
 * day is compared with the platform's payments, refunds, recharges and orders. Each difference is
 * found once, classified ({@link io.kameng.reconciliation.entity.DifferenceKind}), fixed where the
 * fix is safe and goes through the platform's own once-only paths (the payment's compare-and-set,
 * the refund's request number, the supplier's result), and listed for admins with the statement's
 * line, the platform's record and the order. The steps run as Jakarta Batch jobs ({@code
 * batch-jobs}); this component holds their rules, their SQL and their records, so the rules are
 * tested without the batch runtime.
 */
package io.kameng.reconciliation;
