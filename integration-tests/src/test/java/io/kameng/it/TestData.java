package io.kameng.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Data and load for client-side tests: products of their own, requests sent all at once. */
public final class TestData {

  private TestData() {}

  /** Puts a new product of a kind ({@code card}, {@code game}, {@code phone}) on sale; its id. */
  public static long product(String kind, boolean listed) {
    return Long.parseLong(
        FixtureClient.create(
            "products",
            Map.of(
                "kind",
                kind,
                "name",
                Long.toString(System.nanoTime(), 36),
                "listed",
                Boolean.toString(listed))));
  }

  /** Puts a new merchant product ({@code card} or {@code game}) of {@code merchant} on sale. */
  public static long merchantProduct(String kind, String merchant) {
    return Long.parseLong(
        FixtureClient.create(
            "products",
            Map.of(
                "kind",
                kind,
                "name",
                Long.toString(System.nanoTime(), 36),
                "listed",
                "true",
                "merchant",
                merchant)));
  }

  /** Sends {@code requests} copies of a request at once; their answers. */
  public static <T> List<T> concurrently(int requests, Callable<T> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      List<Callable<T>> calls = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        calls.add(request);
      }
      List<T> results = new ArrayList<>();
      for (Future<T> result : pool.invokeAll(calls)) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
