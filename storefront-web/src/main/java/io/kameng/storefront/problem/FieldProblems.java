package io.kameng.storefront.problem;

import io.kameng.catalogue.entity.FieldError;
import io.kameng.storefront.api.Jsons;
import io.kameng.storefront.i18n.BuyerLanguage;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * A validation failure as a problem detail with one entry per field: the field's name, a JSON
 * pointer to it in the request, a stable code, and the message in the buyer's language.
 */
public final class FieldProblems {

  public static final String TYPE = "https://kameng.io/problems/invalid-order";

  /** Fields of the request itself; everything else is a field of {@code input}. */
  private static final List<String> TOP_LEVEL = List.of("productId", "quantity", "input");

  private FieldProblems() {}

  public static Response response(int status, BuyerLanguage language, List<FieldError> errors) {
    return Problem.response(
        status,
        Problem.of(
                TYPE,
                status,
                language.text("problem.order.invalid.title"),
                language.text("problem.order.invalid.detail", errors.size()))
            .add("errors", entries(language, errors)));
  }

  static JsonArrayBuilder entries(BuyerLanguage language, List<FieldError> errors) {
    JsonArrayBuilder entries = Jsons.PROVIDER.createArrayBuilder();
    for (FieldError error : errors) {
      entries.add(
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("field", error.field())
              .add("pointer", pointer(error.field()))
              .add("code", error.code())
              .add("message", message(language, error)));
    }
    return entries;
  }

  /** The message for one field error, naming the field. */
  public static String message(BuyerLanguage language, FieldError error) {
    List<Object> arguments = new ArrayList<>();
    arguments.add(label(language, error.field()));
    arguments.addAll(error.arguments());
    return language.text("FieldError." + error.code(), arguments.toArray());
  }

  public static String label(BuyerLanguage language, String field) {
    return language.textOr("BuyerField." + field, language.textOr("RequestField." + field, field));
  }

  private static String pointer(String field) {
    if (field.equals("Idempotency-Key")) {
      return "/headers/Idempotency-Key";
    }
    String escaped = field.replace("~", "~0").replace("/", "~1");
    return TOP_LEVEL.contains(field) ? "/" + escaped : "/input/" + escaped;
  }
}
