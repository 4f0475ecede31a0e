/**
 * The benchmarks: starts Kameng, measures the escalation ladder's scan at a million open orders,
 * then {@code POST /shop/api/v1/orders} against raw JDBC on the same database, the fulfilment
 * pipeline and the gateway's payment notices against the same reference, then the nightly payment
 * reconciliation of a day of a million lines ({@link io.kameng.benchmark.ReconciliationBenchmark};
 * alone with {@code -Dkameng.bench.only=reconciliation}), and prints the figures ({@code mvn -B
 * -Pbenchmark -DskipTests verify -pl benchmark -am}). Not part of the build's tests: timings belong
 * here, not in tests.
 */
package io.kameng.benchmark;
