package io.kameng.storefront.order;

import io.kameng.catalogue.control.BuyerInputRules;
import io.kameng.catalogue.entity.BuyerField;
import io.kameng.catalogue.entity.FieldError;
import io.kameng.catalogue.entity.Product;
import io.kameng.storefront.i18n.BuyerLanguage;
import io.kameng.storefront.problem.FieldProblems;
import java.util.List;

/**
 * One field of an order form as the page renders it: its label, its choices, and the browser-side
 * check (the rule's pattern and the messages it shows while the buyer types), from the product's
 * field definitions and the one set of buyer input rules.
 */
public record FieldView(
    String name,
    String label,
    int maxLength,
    List<String> options,
    String pattern,
    boolean mobile,
    String requiredMessage,
    String malformedMessage,
    String tooLongMessage) {

  public static List<FieldView> of(Product product, BuyerLanguage language) {
    return product.type().fields().stream().map(field -> of(field, product, language)).toList();
  }

  private static FieldView of(BuyerField field, Product product, BuyerLanguage language) {
    String name = field.property();
    return new FieldView(
        name,
        FieldProblems.label(language, name),
        field.maxLength(),
        field == BuyerField.GAME_SERVER ? product.servers() : List.of(),
        BuyerInputRules.browserPattern(field).orElse(""),
        field == BuyerField.MOBILE_NUMBER || field == BuyerField.DELIVERY_CONTACT,
        FieldProblems.message(language, new FieldError(name, FieldError.REQUIRED)),
        FieldProblems.message(language, new FieldError(name, FieldError.MALFORMED)),
        FieldProblems.message(language, new FieldError(name, FieldError.TOO_LONG)));
  }

  public boolean isChoice() {
    return !options.isEmpty();
  }
}
