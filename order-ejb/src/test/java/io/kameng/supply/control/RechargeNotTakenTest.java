package io.kameng.supply.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.supply.entity.RechargeAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class RechargeNotTakenTest {

  @Test
  void noAnswerInTimeMayStillRecharge() {
    assertThat(RechargeNotTaken.answerFor(new TimeoutException("3 s")).mayHaveRecharged()).isTrue();
    assertThat(
            RechargeNotTaken.answerFor(
                    new UncheckedIOException(new HttpTimeoutException("request timed out")))
                .mayHaveRecharged())
        .isTrue();
  }

  @Test
  void aFailureAnsweredOrNoConnectionMadeNothing() {
    RechargeAnswer down =
        RechargeNotTaken.answerFor(
            new UncheckedIOException(new IOException("The sandbox supplier answered HTTP 503")));
    assertThat(down.isTaken()).isFalse();
    assertThat(down.mayHaveRecharged()).isFalse();
    assertThat(down.failure()).contains("HTTP 503");
    assertThat(
            RechargeNotTaken.answerFor(new UncheckedIOException(new ConnectException("refused")))
                .mayHaveRecharged())
        .isFalse();
    assertThat(RechargeNotTaken.answerFor(new CircuitBreakerOpenException()).mayHaveRecharged())
        .isFalse();
    assertThat(RechargeNotTaken.answerFor(new IllegalStateException("HTTP 400")).mayHaveRecharged())
        .isFalse();
  }

  @Test
  void theOrdersTransactionIsNotLeftInterrupted() {
    Thread.currentThread().interrupt();
    RechargeNotTaken.answerFor(new TimeoutException());
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}
