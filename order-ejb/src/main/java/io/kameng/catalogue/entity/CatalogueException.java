package io.kameng.catalogue.entity;

import io.kameng.platform.entity.BusinessException;

/**
 * A change to a product refused (not a product of that channel, a setting out of range): nothing
 * changed. The code is the message key ({@code error.<code>}).
 */
public class CatalogueException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public CatalogueException(String code, String message) {
    super(code, message);
  }
}
