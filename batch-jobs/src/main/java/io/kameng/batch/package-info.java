/**
 * Kameng's nightly Jakarta Batch jobs (reconciliation, merchant KPI scoring) and the boundary that
 * starts and queries them. Jobs must be started and queried from this module: the batch runtime
 * only lets the module that started a job see its executions.
 */
package io.kameng.batch;
