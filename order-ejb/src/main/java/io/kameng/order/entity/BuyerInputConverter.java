package io.kameng.order.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores the buyer's input as a JSON object of strings, keeping the form's field order. */
@Converter
public class BuyerInputConverter implements AttributeConverter<Map<String, String>, String> {

  /** Looked up once: {@code JSON.create…} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public String convertToDatabaseColumn(Map<String, String> input) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    input.forEach(json::add);
    return json.build().toString();
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String column) {
    Map<String, String> input = new LinkedHashMap<>();
    try (var reader = JSON.createReader(new StringReader(column))) {
      JsonObject object = reader.readObject();
      object.forEach((name, value) -> input.put(name, ((JsonString) value).getString()));
    }
    return Collections.unmodifiableMap(input);
  }
}
