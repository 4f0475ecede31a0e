package io.kameng.reconciliation.entity;

/** Where a difference stands. */
public enum DifferenceState {
  /** Needs a person: nothing safe could be done automatically, or the fix did not take. */
  OPEN,
  /** Fixed automatically; what was done is recorded. */
  FIXED,
  /** A person looked and closed it with a note. */
  RESOLVED
}
