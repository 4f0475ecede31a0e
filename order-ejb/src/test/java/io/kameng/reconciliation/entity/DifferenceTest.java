package io.kameng.reconciliation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DifferenceTest {

  private static final Instant FOUND = Instant.parse("2026-12-02T02:10:00Z");
  private static final Instant LATER = Instant.parse("2026-12-02T09:00:00Z");

  private static Difference difference(DifferenceKind kind) {
    return new Difference(
        3L,
        LocalDate.of(2026, 12, 1),
        new Finding(
            kind,
            "PAY-0001",
            7L,
            "K20261201000007",
            "line",
            "payment PAY-0001 CREATED 10.00",
            new BigDecimal("9.94")),
        FOUND);
  }

  @Test
  void aNewDifferenceIsOpen() {
    Difference difference = difference(DifferenceKind.AMOUNT_MISMATCH);

    assertThat(difference.state()).isEqualTo(DifferenceState.OPEN);
    assertThat(difference.matchKey()).isEqualTo("PAY-0001");
    assertThat(difference.amount()).isEqualByComparingTo("9.94");
    assertThat(difference.foundAt()).isEqualTo(FOUND);
    assertThat(difference.resolvedBy()).isEmpty();
    assertThat(difference.awaitsFix()).isFalse();
    assertThat(difference(DifferenceKind.PLATFORM_MISSING).awaitsFix()).isTrue();
  }

  @Test
  void aPersonResolvesItWithANote() {
    Difference difference = difference(DifferenceKind.AMOUNT_MISMATCH);

    difference.resolve("alice", "  Checked with Alipay support, ticket 123.  ", LATER);

    assertThat(difference.state()).isEqualTo(DifferenceState.RESOLVED);
    assertThat(difference.resolvedBy()).contains("alice");
    assertThat(difference.resolvedAt()).contains(LATER);
    assertThat(difference.resolutionNote()).contains("Checked with Alipay support, ticket 123.");
    assertThat(difference.awaitsFix()).isFalse();
  }

  @Test
  void aNoteOfOneAndOfFiveHundredCharactersIsTaken() {
    Difference one = difference(DifferenceKind.AMOUNT_MISMATCH);
    one.resolve("alice", "x", LATER);
    assertThat(one.resolutionNote()).contains("x");

    Difference full = difference(DifferenceKind.AMOUNT_MISMATCH);
    full.resolve("alice", "n".repeat(500), LATER);
    assertThat(full.resolutionNote()).hasValueSatisfying(n -> assertThat(n).hasSize(500));

    // surrounding blanks do not count
    Difference padded = difference(DifferenceKind.AMOUNT_MISMATCH);
    padded.resolve("alice", "  " + "n".repeat(500) + "  ", LATER);
    assertThat(padded.resolutionNote()).hasValueSatisfying(n -> assertThat(n).hasSize(500));
  }

  @Test
  void aMissingBlankOrTooLongNoteIsRefused() {
    for (String note : new String[] {null, "", "   ", "n".repeat(501)}) {
      Difference difference = difference(DifferenceKind.AMOUNT_MISMATCH);
      assertThatThrownBy(() -> difference.resolve("alice", note, LATER))
          .isInstanceOf(ReconciliationException.class)
          .satisfies(
              e ->
                  assertThat(((ReconciliationException) e).code())
                      .isEqualTo("reconciliation.noteRequired"));
      assertThat(difference.state()).isEqualTo(DifferenceState.OPEN);
    }
  }

  @Test
  void resolvingTwiceIsRefused() {
    Difference difference = difference(DifferenceKind.AMOUNT_MISMATCH);
    difference.resolve("alice", "first", LATER);

    assertThatThrownBy(() -> difference.resolve("bob", "second", LATER.plusSeconds(60)))
        .isInstanceOf(ReconciliationException.class)
        .satisfies(
            e ->
                assertThat(((ReconciliationException) e).code())
                    .isEqualTo("reconciliation.alreadyResolved"));
    assertThat(difference.resolvedBy()).contains("alice");
    assertThat(difference.resolutionNote()).contains("first");
  }

  @Test
  void aFixedDifferenceMayStillBeResolvedAndNoLongerAwaitsFix() {
    Difference difference = difference(DifferenceKind.PLATFORM_MISSING);
    difference.fixed("settled from the statement", LATER);

    assertThat(difference.state()).isEqualTo(DifferenceState.FIXED);
    assertThat(difference.awaitsFix()).isFalse();
    difference.resolve("alice", "seen", LATER);
    assertThat(difference.state()).isEqualTo(DifferenceState.RESOLVED);
  }

  @Test
  void aResolutionWithoutPersonLeavesTheDifferenceOpen() {
    Difference difference = difference(DifferenceKind.AMOUNT_MISMATCH);

    assertThatThrownBy(() -> difference.resolve(null, "note", LATER))
        .isInstanceOf(NullPointerException.class);
    assertThat(difference.state()).isEqualTo(DifferenceState.OPEN);
  }
}
