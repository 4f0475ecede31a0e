package io.kameng.order.entity;

import io.kameng.catalogue.entity.FieldError;
import io.kameng.platform.entity.BusinessException;
import java.util.List;

/** An order request with wrong input, field by field. Nothing was stored. */
public class InvalidOrderException extends BusinessException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public InvalidOrderException(List<FieldError> errors) {
    super("order.invalid", "The order request has wrong input: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
