/**
 * The admin console at {@code /admin}: admins admit and penalise merchants, review risky orders,
 * work the exception pool, arbitrate tickets, refund and read reconciliation. Only the {@code
 * ADMIN} role may open it.
 */
package io.kameng.admin;
