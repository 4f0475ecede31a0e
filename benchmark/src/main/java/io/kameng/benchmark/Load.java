package io.kameng.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drives an operation and records how long each call took. Two shapes of load:
 *
 * <ul>
 *   <li>a closed loop: a fixed number of threads, each calling again as soon as its previous call
 *       answered; shows the throughput at that concurrency;
 *   <li>an open loop: calls started at fixed intervals whatever the answers do, each latency
 *       counted from the call's scheduled start, so a stall delays every call it holds up and none
 *       is left out of the figures (no coordinated omission).
 * </ul>
 *
 * Calls that complete during the warm-up are not measured; failures are counted throughout. A
 * closed-loop worker whose supply of calls runs out (each prepared payment can be paid only once)
 * throws {@link Exhausted}: its thread stops, and the measured window ends with the last answer.
 */
final class Load {

  /** One caller of the operation, with whatever it holds (a connection), for one thread. */
  interface Worker extends AutoCloseable {

    /** One call; throws when it did not succeed. */
    void call() throws Exception;

    @Override
    default void close() throws Exception {}
  }

  /** Thrown by a worker that has nothing left to call; not a failure. */
  static final class Exhausted extends Exception {
    Exhausted() {
      super("nothing left to call", null, false, false);
    }
  }

  /** Opens the worker of one closed-loop thread. */
  @FunctionalInterface
  interface Workers {
    Worker open(int thread) throws Exception;
  }

  /**
   * What one run measured.
   *
   * @param window the measured time
   * @param nanos the latency of every successful call completed in the window, sorted
   * @param attempts all calls started, warm-up included
   * @param failures the calls that failed, warm-up included
   */
  record Result(Duration window, long[] nanos, int attempts, Failures failures) {

    double perSecond() {
      return nanos.length / (window.toNanos() / 1e9);
    }

    /** The latency at percentile {@code p} (nearest rank), in milliseconds. */
    double millis(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100 * nanos.length);
      return nanos[Math.max(rank, 1) - 1] / 1e6;
    }

    double maxMillis() {
      return millis(100);
    }
  }

  private Load() {}

  /**
   * {@code threads} workers calling back to back for {@code warmUp}, then for {@code measured};
   * with {@code measured} zero, a warm-up only (its failures still count).
   */
  static Result closedLoop(int threads, Duration warmUp, Duration measured, Workers workers)
      throws Exception {
    List<Worker> opened = new ArrayList<>();
    try {
      for (int thread = 0; thread < threads; thread++) {
        opened.add(workers.open(thread));
      }
      return closedLoop(opened, warmUp, measured);
    } finally {
      for (Worker worker : opened) {
        worker.close();
      }
    }
  }

  private static Result closedLoop(List<Worker> workers, Duration warmUp, Duration measured)
      throws InterruptedException {
    AtomicLong start = new AtomicLong();
    CyclicBarrier ready = new CyclicBarrier(workers.size(), () -> start.set(System.nanoTime()));
    AtomicInteger attempts = new AtomicInteger();
    AtomicLong lastDone = new AtomicLong(Long.MIN_VALUE);
    AtomicInteger exhausted = new AtomicInteger();
    Failures failures = new Failures();
    Nanos nanos = new Nanos();
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    List<Future<?>> threads = new ArrayList<>();
    for (Worker worker : workers) {
      threads.add(
          pool.submit(
              () -> {
                ready.await();
                long from = start.get() + warmUp.toNanos();
                long until = from + measured.toNanos();
                for (long begin = System.nanoTime(); begin < until; begin = System.nanoTime()) {
                  attempts.incrementAndGet();
                  try {
                    worker.call();
                    long done = System.nanoTime();
                    if (done >= from && done < until) {
                      nanos.add(done - begin);
                      lastDone.accumulateAndGet(done, Math::max);
                    }
                  } catch (Exhausted e) {
                    attempts.decrementAndGet();
                    exhausted.incrementAndGet();
                    break;
                  } catch (Exception e) {
                    failures.record(e);
                  }
                }
                return null;
              }));
    }
    pool.shutdown();
    try {
      for (Future<?> thread : threads) {
        thread.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("A load thread failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Duration window =
        exhausted.get() == 0 || lastDone.get() == Long.MIN_VALUE
            ? measured
            : Duration.ofNanos(lastDone.get() - start.get() - warmUp.toNanos());
    return new Result(window, nanos.sorted(), attempts.get(), failures);
  }

  /**
   * Starts a call every {@code 1 / perSecond} seconds for {@code warmUp} plus {@code measured},
   * then waits up to {@code patience} for the last answers; a call still unanswered then counts as
   * failed.
   */
  static Result openLoop(
      int perSecond,
      Duration warmUp,
      Duration measured,
      Duration patience,
      Supplier<CompletableFuture<?>> call)
      throws InterruptedException {
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long calls = (warmUp.toNanos() + measured.toNanos()) / interval;
    Failures failures = new Failures();
    Nanos nanos = new Nanos();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
    long from = start + warmUp.toNanos();
    for (long i = 0; i < calls; i++) {
      long scheduled = start + i * interval;
      for (long wait = scheduled - System.nanoTime(); wait > 0; ) {
        LockSupport.parkNanos(wait);
        wait = scheduled - System.nanoTime();
      }
      CompletableFuture<?> answer;
      try {
        answer = call.get();
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      pending.add(
          answer.handle(
              (ignored, failure) -> {
                long done = System.nanoTime();
                if (failure != null) {
                  failures.record(failure);
                } else if (scheduled >= from) {
                  nanos.add(done - scheduled);
                }
                return null;
              }));
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.stream()
          .filter(answer -> !answer.isDone())
          .forEach(answer -> failures.record(new TimeoutException("no answer within " + patience)));
    } catch (ExecutionException e) {
      throw new IllegalStateException("Recording an answer failed", e.getCause());
    }
    return new Result(measured, nanos.sorted(), (int) calls, failures);
  }

  /** How many calls failed, and a few of the reasons (the first of each kind, with its count). */
  static final class Failures {

    private static final int KINDS_KEPT = 10;

    private final AtomicInteger count = new AtomicInteger();
    private final Map<String, AtomicInteger> byReason = new ConcurrentHashMap<>();

    void record(Throwable failure) {
      count.incrementAndGet();
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
      if (byReason.size() < KINDS_KEPT || byReason.containsKey(reason)) {
        byReason.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
      }
    }

    int count() {
      return count.get();
    }

    /** Reason and how often it occurred, for up to ten kinds of failure. */
    Map<String, AtomicInteger> reasons() {
      return byReason;
    }
  }

  /** A growable array of nanoseconds, safe to add to from several threads. */
  private static final class Nanos {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return copy;
    }
  }
}
