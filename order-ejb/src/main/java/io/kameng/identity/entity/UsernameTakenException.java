package io.kameng.identity.entity;

import io.kameng.platform.entity.BusinessException;

/** A second account may not take a username that is already in use. */
public class UsernameTakenException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public UsernameTakenException(String username) {
    super("identity.usernameTaken", "Username '" + username + "' is already taken.");
  }
}
