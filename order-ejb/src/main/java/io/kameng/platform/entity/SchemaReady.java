package io.kameng.platform.entity;

/**
 * Fired once the database schema is at the newest migration, so work that needs the tables (for
 * example the demo accounts) runs only then.
 *
 * @param version the schema version now applied
 */
public record SchemaReady(String version) {}
