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
    return create(kind, Boolean.toString(listed), Map.of());
  }

  /**
   * Puts a new product of {@code merchant} on sale: {@code card} or {@code game} it delivers by
   * hand, {@code stocked-card} from its own card-key stock.
   */
  public static long merchantProduct(String kind, String merchant) {
    return create(kind, "true", Map.of("merchant", merchant));
  }

  private static long create(String kind, String listed, Map<String, String> more) {
    Map<String, String> fields = new java.util.HashMap<>(more);
    fields.put("kind", kind);
    fields.put("name", Long.toString(System.nanoTime(), 36));
    fields.put("listed", listed);
    return Long.parseLong(FixtureClient.create("products", fields));
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
