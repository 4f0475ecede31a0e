/**
 * Risk control: rules with admin thresholds (platform settings) evaluated when a paid order is
 * verified — many orders from one IP or one buyer in a short window, an amount over a limit, a new
 * buyer's first large order, night hours, a blacklisted IP/contact/phone/game account, a high-risk
 * product. The outcome is pass, review (the order waits in the review queue) or block (refunded
 * with the reason), recorded with the rules that fired ({@code RiskDecision}). Reviewers claim
 * orders from the queue ({@code FOR UPDATE SKIP LOCKED}) and approve or reject them ({@code
 * RiskReview}); a first review not done in time goes to a senior reviewer (an admin), a second one
 * to the exception pool (see the escalation ladder). Admins keep the blacklist ({@code Blacklist}).
 */
package io.kameng.risk;
