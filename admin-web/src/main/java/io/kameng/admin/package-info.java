/**
 * The admin console at {@code /admin}: admins admit and penalise merchants, review risky orders,
 * work the exception pool, change the platform settings, keep the blacklist, arbitrate tickets,
 * refund and read reconciliation. The {@code ADMIN} and {@code REVIEWER} roles may sign in (see
 * {@code web.xml}); reviewers work the risk review queue only, every other page is ADMIN only
 * ({@link io.kameng.admin.AdminOnly}).
 */
package io.kameng.admin;
