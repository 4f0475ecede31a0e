package io.kameng.storefront.order;

import io.kameng.catalogue.entity.FieldError;
import io.kameng.order.entity.OrderRequest;
import io.kameng.storefront.api.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an order request body: at most 16 KiB of JSON, an object with {@code productId} (integer),
 * {@code quantity} (integer, 1 when left out) and {@code input} (an object of strings). Wrong JSON
 * types are reported field by field; the rules about the values are the boundary's business.
 */
final class OrderRequestReader {

  static final int MAX_BODY_BYTES = 16 * 1024;

  /** The body could not be taken as an order request; nothing was done. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    final Kind kind;
    final transient List<FieldError> errors;

    Unreadable(Kind kind, List<FieldError> errors) {
      super(kind.name());
      this.kind = kind;
      this.errors = List.copyOf(errors);
    }
  }

  enum Kind {
    TOO_LARGE,
    NOT_JSON,
    WRONG_TYPES
  }

  private OrderRequestReader() {}

  static JsonObject readObject(InputStream body) throws Unreadable {
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new Unreadable(Kind.NOT_JSON, List.of());
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new Unreadable(Kind.TOO_LARGE, List.of());
    }
    try (var reader =
        Jsons.PROVIDER.createReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Unreadable(Kind.NOT_JSON, List.of());
      }
      return value.asJsonObject();
    } catch (JsonParsingException | IllegalStateException e) {
      throw new Unreadable(Kind.NOT_JSON, List.of());
    } catch (JsonException e) {
      throw new Unreadable(Kind.NOT_JSON, List.of());
    }
  }

  static OrderRequest read(InputStream body) throws Unreadable {
    JsonObject json = readObject(body);
    List<FieldError> errors = new ArrayList<>();
    Long productId = null;
    JsonValue id = json.get("productId");
    if (id == null || id == JsonValue.NULL) {
      errors.add(new FieldError("productId", FieldError.REQUIRED));
    } else {
      productId = wholeNumber(id);
      if (productId == null) {
        errors.add(new FieldError("productId", FieldError.WRONG_TYPE));
      }
    }
    int quantity = 1;
    JsonValue quantityValue = json.get("quantity");
    if (quantityValue != null && quantityValue != JsonValue.NULL) {
      Long given = wholeNumber(quantityValue);
      if (given == null || given > Integer.MAX_VALUE || given < Integer.MIN_VALUE) {
        errors.add(new FieldError("quantity", FieldError.WRONG_TYPE));
      } else {
        quantity = given.intValue();
      }
    }
    Map<String, String> input = readInput(json.get("input"), errors);
    if (!errors.isEmpty()) {
      throw new Unreadable(Kind.WRONG_TYPES, errors);
    }
    return new OrderRequest(productId, quantity, input);
  }

  /** The {@code input} object of an order or a correction, strings only. */
  static Map<String, String> readInput(JsonValue value, List<FieldError> errors) {
    Map<String, String> input = new LinkedHashMap<>();
    if (value == null || value == JsonValue.NULL) {
      return input;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      errors.add(new FieldError("input", FieldError.WRONG_TYPE));
      return input;
    }
    value
        .asJsonObject()
        .forEach(
            (name, field) -> {
              if (field instanceof JsonString text) {
                input.put(name, text.getString());
              } else if (field != JsonValue.NULL) {
                errors.add(new FieldError(name, FieldError.WRONG_TYPE));
              }
            });
    return input;
  }

  private static Long wholeNumber(JsonValue value) {
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return number.bigIntegerValueExact().longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }
}
