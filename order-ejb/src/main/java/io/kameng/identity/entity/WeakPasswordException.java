package io.kameng.identity.entity;

import io.kameng.platform.entity.BusinessException;

/** A password too short to protect an account that can move money. */
public class WeakPasswordException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public WeakPasswordException(int minimumLength) {
    super("identity.weakPassword", "A password needs at least " + minimumLength + " characters.");
  }
}
