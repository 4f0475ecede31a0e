package io.kameng.it;

import io.kameng.catalogue.entity.Carrier;
import io.kameng.catalogue.entity.FulfilmentChannel;
import io.kameng.catalogue.entity.ProductSpec;
import io.kameng.catalogue.entity.ProductType;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Test-only servlet in the test WAR: puts a product of a given kind on sale for a client-side test
 * and answers its id.
 */
@WebServlet("/products")
public class TestProducts extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient TestFixtures fixtures;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    String name = request.getParameter("name");
    // For the merchant channel: the designated merchant's username, or none for the grab pool.
    String merchant = request.getParameter("merchant");
    ProductSpec spec =
        switch (request.getParameter("kind")) {
          case "game" ->
              new ProductSpec(
                  "游戏 " + name,
                  "Game " + name,
                  ProductType.GAME_RECHARGE,
                  new BigDecimal("6"),
                  new BigDecimal("5.80"),
                  FulfilmentChannel.MERCHANT,
                  null,
                  merchant,
                  1,
                  10,
                  List.of("天空岛", "世界树"));
          // A game recharge an upstream supplier makes (the game account is what it recharges).
          case "game-supplier" ->
              new ProductSpec(
                  "游戏直充 " + name,
                  "Game top-up " + name,
                  ProductType.GAME_RECHARGE,
                  new BigDecimal("6"),
                  new BigDecimal("5.80"),
                  FulfilmentChannel.SUPPLIER,
                  null,
                  null,
                  1,
                  10,
                  List.of("天空岛", "世界树"));
          case "phone" ->
              new ProductSpec(
                  "话费 " + name,
                  "Top-up " + name,
                  ProductType.PHONE_TOPUP,
                  new BigDecimal("100"),
                  new BigDecimal("99.50"),
                  FulfilmentChannel.SUPPLIER,
                  Carrier.CHINA_MOBILE,
                  null,
                  1,
                  1,
                  null);
          // Delivered from the card-key stock: paid orders are dispatched by the server's scan.
          case "stocked-card" ->
              new ProductSpec(
                  "库存卡密 " + name,
                  "Stocked card key " + name,
                  ProductType.CARD_KEY,
                  new BigDecimal("50"),
                  new BigDecimal("48.00"),
                  FulfilmentChannel.CARD_KEY,
                  null,
                  merchant, // the stock owner, or the platform
                  1,
                  5,
                  null);
          // A card key delivered by a merchant's hand: a paid order goes to the designated merchant
          // or, with none, to the grab pool, where it waits for a merchant (payment tests see it
          // there).
          default ->
              new ProductSpec(
                  "卡密 " + name,
                  "Card key " + name,
                  ProductType.CARD_KEY,
                  new BigDecimal("50"),
                  new BigDecimal("48.00"),
                  FulfilmentChannel.MERCHANT,
                  null,
                  merchant,
                  1,
                  5,
                  null);
        };
    long id = fixtures.addProduct(spec, !"false".equals(request.getParameter("listed")));
    response.setStatus(HttpServletResponse.SC_CREATED);
    response.getWriter().print(id);
  }
}
