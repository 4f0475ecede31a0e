/**
 * The platform itself: the database schema (Flyway migrations applied at deployment), readiness and
 * liveness for operators, and the root of the business exception hierarchy.
 */
package io.kameng.platform;
