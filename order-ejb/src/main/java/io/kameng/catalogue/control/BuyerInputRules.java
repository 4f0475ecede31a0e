package io.kameng.catalogue.control;

import io.kameng.catalogue.entity.BuyerField;
import io.kameng.catalogue.entity.Carrier;
import io.kameng.catalogue.entity.FieldError;
import io.kameng.catalogue.entity.InputRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks what a buyer typed against what the product needs, field by field, and gives it back
 * normalised (trimmed; mobile numbers as bare digits). The one place these rules live: the REST API
 * and the storefront pages both ask here.
 */
public final class BuyerInputRules {

  /** Accounts: letters (any script), digits and {@code _ . @ -}; no spaces or markup. */
  private static final Pattern ACCOUNT = Pattern.compile("[\\p{L}\\p{N}_.@-]+");

  private static final Pattern ROLE_ID = Pattern.compile("[A-Za-z0-9_-]+");

  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>\"']+@[^@\\s<>\"']+\\.[A-Za-z]{2,}");

  /**
   * The outcome: normalised input if there are no errors.
   *
   * @param input the fields as they will be stored, in form order
   * @param errors one entry per field that is wrong, in form order; empty when all is well
   */
  public record Checked(Map<String, String> input, List<FieldError> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  private BuyerInputRules() {}

  /**
   * The format of a field as a regular expression a browser checks while the buyer types
   * (JavaScript with the {@code u} flag, matching the whole value after trimming and, for mobile
   * numbers, removing spaces and hyphens). The same expressions as the server's rules, so the page
   * and the server agree; the server checks again (carrier, server list) in any case. Empty for a
   * choice from a list.
   */
  public static Optional<String> browserPattern(BuyerField field) {
    String mobile = "(?:\\+?86)?" + MobileNumbers.shape();
    return Optional.ofNullable(
        switch (field) {
          case MOBILE_NUMBER -> mobile;
          case GAME_ACCOUNT, MEMBERSHIP_ACCOUNT -> ACCOUNT.pattern();
          case ROLE_ID -> ROLE_ID.pattern();
          case DELIVERY_CONTACT -> EMAIL.pattern() + "|" + mobile;
          case GAME_SERVER -> null;
        });
  }

  public static Checked check(InputRequirements product, Map<String, String> input) {
    Map<String, String> given = input == null ? Map.of() : input;
    Map<String, String> normalised = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (BuyerField field : product.type().fields()) {
      String raw = given.get(field.property());
      String value = raw == null ? "" : raw.strip();
      if (field == BuyerField.MOBILE_NUMBER
          || (field == BuyerField.DELIVERY_CONTACT && !value.contains("@"))) {
        value = MobileNumbers.normalize(value);
      }
      String problem = problem(field, value, product);
      if (problem != null) {
        errors.add(new FieldError(field.property(), problem));
      } else {
        normalised.put(field.property(), value);
      }
    }
    for (String property : given.keySet()) {
      if (product.type().fields().stream().noneMatch(f -> f.property().equals(property))) {
        errors.add(new FieldError(property, FieldError.NOT_EXPECTED));
      }
    }
    return new Checked(errors.isEmpty() ? normalised : Map.of(), List.copyOf(errors));
  }

  private static String problem(BuyerField field, String value, InputRequirements product) {
    if (value.isEmpty()) {
      return FieldError.REQUIRED;
    }
    if (value.length() > field.maxLength()) {
      return FieldError.TOO_LONG;
    }
    return switch (field) {
      case MOBILE_NUMBER -> mobileProblem(value, product.carrier());
      case GAME_ACCOUNT, MEMBERSHIP_ACCOUNT ->
          ACCOUNT.matcher(value).matches() ? null : FieldError.MALFORMED;
      case GAME_SERVER -> product.servers().contains(value) ? null : FieldError.UNKNOWN_SERVER;
      case ROLE_ID -> ROLE_ID.matcher(value).matches() ? null : FieldError.MALFORMED;
      case DELIVERY_CONTACT ->
          EMAIL.matcher(value).matches() || MobileNumbers.isMobile(value)
              ? null
              : FieldError.MALFORMED;
    };
  }

  private static String mobileProblem(String number, Carrier productCarrier) {
    if (!MobileNumbers.isMobile(number)) {
      return FieldError.MALFORMED;
    }
    return MobileNumbers.carrierOf(number).orElseThrow() == productCarrier
        ? null
        : FieldError.WRONG_CARRIER;
  }
}
