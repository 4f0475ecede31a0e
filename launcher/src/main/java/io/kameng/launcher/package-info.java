/**
 * Starts what Kameng needs on one machine, for the run command and for the integration tests: the
 * embedded MariaDB (unless a database is configured), a Payara Server domain with Kameng's
 * connection pools, and the partner sandbox on Payara Micro. Everything it starts it stops again.
 */
package io.kameng.launcher;
