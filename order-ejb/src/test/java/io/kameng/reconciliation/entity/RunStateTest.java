package io.kameng.reconciliation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunStateTest {

  @Test
  void aRunningDayNeverStartsAgain() {
    assertThat(RunState.RUNNING.mayStart(false)).isFalse();
    assertThat(RunState.RUNNING.mayStart(true)).isFalse();
  }

  @Test
  void aCompletedDayStartsAgainOnlyAsARerun() {
    assertThat(RunState.COMPLETED.mayStart(false)).isFalse();
    assertThat(RunState.COMPLETED.mayStart(true)).isTrue();
  }

  @Test
  void waitingFailedAndMissingDaysMayStart() {
    for (RunState state :
        new RunState[] {RunState.WAITING, RunState.FAILED, RunState.STATEMENT_MISSING}) {
      assertThat(state.mayStart(false)).as(state.name()).isTrue();
      assertThat(state.mayStart(true)).as(state.name()).isTrue();
    }
  }
}
