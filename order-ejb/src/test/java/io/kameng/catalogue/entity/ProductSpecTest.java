package io.kameng.catalogue.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductSpecTest {

  private static ProductSpec spec(
      ProductType type,
      String price,
      FulfilmentChannel channel,
      Carrier carrier,
      String merchant,
      int min,
      int max,
      List<String> servers) {
    return new ProductSpec(
        "名称",
        "Name",
        type,
        new BigDecimal("10"),
        new BigDecimal(price),
        channel,
        carrier,
        merchant,
        min,
        max,
        servers);
  }

  @Test
  void aValidProductKeepsItsPriceInFen() {
    ProductSpec game =
        spec(
            ProductType.GAME_RECHARGE,
            "5.8",
            FulfilmentChannel.MERCHANT,
            null,
            "merchant1",
            1,
            10,
            List.of("天空岛"));

    assertThat(game.price()).isEqualByComparingTo("5.80").hasToString("5.80");
    assertThat(game.faceValue()).hasToString("10.00");
  }

  @Test
  void topUpsAndOnlyTopUpsNameACarrier() {
    assertThatThrownBy(
            () ->
                spec(
                    ProductType.PHONE_TOPUP,
                    "9",
                    FulfilmentChannel.SUPPLIER,
                    null,
                    null,
                    1,
                    1,
                    null))
        .hasMessage("Phone and data top-ups, and only they, name a carrier.");
    assertThatThrownBy(
            () ->
                spec(
                    ProductType.CARD_KEY,
                    "9",
                    FulfilmentChannel.CARD_KEY,
                    Carrier.CHINA_MOBILE,
                    null,
                    1,
                    1,
                    null))
        .hasMessage("Phone and data top-ups, and only they, name a carrier.");
  }

  @Test
  void gameRechargesAndOnlyTheyListServers() {
    assertThatThrownBy(
            () ->
                spec(
                    ProductType.GAME_RECHARGE,
                    "9",
                    FulfilmentChannel.MERCHANT,
                    null,
                    null,
                    1,
                    1,
                    null))
        .hasMessage("Game recharges, and only they, list their servers.");
    assertThatThrownBy(
            () ->
                spec(
                    ProductType.MEMBERSHIP,
                    "9",
                    FulfilmentChannel.MERCHANT,
                    null,
                    null,
                    1,
                    1,
                    List.of("x")))
        .hasMessage("Game recharges, and only they, list their servers.");
  }

  @Test
  void aSupplierProductHasNoDesignatedMerchantButMerchantAndCardKeyProductsMay() {
    assertThatThrownBy(
            () ->
                spec(
                    ProductType.PHONE_TOPUP,
                    "9",
                    FulfilmentChannel.SUPPLIER,
                    Carrier.CHINA_MOBILE,
                    "merchant1",
                    1,
                    1,
                    null))
        .hasMessage("A supplier product has no designated merchant.");
    Product stocked =
        new Product(
            spec(
                ProductType.CARD_KEY,
                "9",
                FulfilmentChannel.CARD_KEY,
                null,
                "merchant1",
                1,
                1,
                null),
            java.time.Instant.EPOCH);
    assertThat(stocked.stockOwner()).contains("merchant1");
    Product byHand =
        new Product(
            spec(
                ProductType.CARD_KEY,
                "9",
                FulfilmentChannel.MERCHANT,
                null,
                "merchant1",
                1,
                1,
                null),
            java.time.Instant.EPOCH);
    assertThat(byHand.designatedMerchant()).contains("merchant1");
    assertThat(byHand.stockOwner()).as("delivered by hand, no stock").isEmpty();
  }

  @Test
  void pricesArePositiveAmountsInFen() {
    for (String price : new String[] {"0", "-1", "1.234"}) {
      assertThatThrownBy(
              () ->
                  spec(
                      ProductType.CARD_KEY,
                      price,
                      FulfilmentChannel.CARD_KEY,
                      null,
                      null,
                      1,
                      1,
                      null))
          .hasMessage("Price must be a positive amount in fen (0.01).");
    }
  }

  @Test
  void quantitiesRunFromOneUpwards() {
    assertThatThrownBy(
            () ->
                spec(ProductType.CARD_KEY, "9", FulfilmentChannel.CARD_KEY, null, null, 0, 1, null))
        .hasMessage("Quantities must satisfy 1 <= minimum <= maximum.");
    assertThatThrownBy(
            () ->
                spec(ProductType.CARD_KEY, "9", FulfilmentChannel.CARD_KEY, null, null, 3, 2, null))
        .hasMessage("Quantities must satisfy 1 <= minimum <= maximum.");
  }

  @Test
  void namesAreNeitherBlankNorOverlong() {
    assertThatThrownBy(
            () ->
                new ProductSpec(
                    " ",
                    "Name",
                    ProductType.CARD_KEY,
                    BigDecimal.TEN,
                    BigDecimal.TEN,
                    FulfilmentChannel.CARD_KEY,
                    null,
                    null,
                    1,
                    1,
                    null))
        .hasMessage("Chinese name must have 1 to 100 characters.");
    assertThatThrownBy(
            () ->
                new ProductSpec(
                    "名称",
                    "N".repeat(101),
                    ProductType.CARD_KEY,
                    BigDecimal.TEN,
                    BigDecimal.TEN,
                    FulfilmentChannel.CARD_KEY,
                    null,
                    null,
                    1,
                    1,
                    null))
        .hasMessage("English name must have 1 to 100 characters.");
  }
}
