package io.kameng.supply.control;

import io.kameng.supply.entity.RechargeAnswer;
import jakarta.enterprise.context.Dependent;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fallback of every supplier's recharge call, once timeout, retries and circuit breaker gave
 * up: the call becomes an answer the supply chain acts on (next supplier, merchant pool, exception
 * pool) instead of an exception. A supplier that did not answer in time may still recharge;
 * anything else (no connection, an open circuit, an error or a refusal answered) made nothing.
 */
@Dependent
public class RechargeNotTaken implements FallbackHandler<RechargeAnswer> {

  @Override
  public RechargeAnswer handle(ExecutionContext context) {
    return answerFor(context.getFailure());
  }

  /** The answer for a recharge call that failed with {@code failure}. */
  public static RechargeAnswer answerFor(Throwable failure) {
    // The fault-tolerance timeout interrupts the calling thread; the order's transaction goes on.
    Thread.interrupted();
    String why = String.valueOf(failure);
    return mayHaveRecharged(failure)
        ? RechargeAnswer.unanswered(why)
        : RechargeAnswer.notTaken(why);
  }

  static boolean mayHaveRecharged(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException
          || cause instanceof HttpTimeoutException
          || cause instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }
}
