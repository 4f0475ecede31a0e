package io.kameng.stock.control;

import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.Product;
import io.kameng.stock.entity.CardKey;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.RowProblem;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A card-key import in the caller's transaction: every row checked (see {@link CardKeyCsv}) and
 * against the keys ever stocked, then stored sealed, all or (with rejected rows) none unless the
 * caller accepts the valid rows alone; a sold-out product is back on sale. The keys belong to the
 * product's stock owner (a merchant, or the platform). No role checks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CardKeyImport {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter IMPORT_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject CardKeyShelf shelf;
  @Inject CardKeyVaults vaults;
  @Inject ProductRegistry products;

  public ImportReport importInto(
      Product product, String csv, boolean acceptValidRows, Instant now) {
    CardKeyVault vault = vaults.vault();
    List<CardKeyCsv.Row> rows = new ArrayList<>(CardKeyCsv.read(csv));
    Map<String, String> digests =
        rows.stream()
            .filter(row -> row.problem().isEmpty())
            .collect(Collectors.toMap(CardKeyCsv.Row::code, row -> vault.digest(row.code())));
    Set<String> known = shelf.known(digests.values());
    rows.replaceAll(
        row ->
            row.problem().isEmpty() && known.contains(digests.get(row.code()))
                ? new CardKeyCsv.Row(
                    row.line(), row.code(), Optional.of(RowProblem.DUPLICATE_IN_STOCK))
                : row);
    List<ImportReport.Rejected> rejected =
        rows.stream()
            .filter(row -> row.problem().isPresent())
            .map(CardKeyCsv.Row::rejected)
            .toList();
    List<CardKeyCsv.Row> accepted = rows.stream().filter(row -> row.problem().isEmpty()).toList();
    String importNo = IMPORT_TIME.format(now) + String.format("%06d", RANDOM.nextInt(1_000_000));
    boolean store = !accepted.isEmpty() && (rejected.isEmpty() || acceptValidRows);
    if (store) {
      for (CardKeyCsv.Row row : accepted) {
        shelf.add(
            new CardKey(
                product.id(),
                product.stockOwner().orElse(null),
                vault.seal(row.code()),
                digests.get(row.code()),
                CardKey.mask(row.code()),
                importNo,
                now));
      }
    }
    if (store) {
      products.markSoldOut(product.id(), false);
    }
    return new ImportReport(importNo, rows.size(), store ? accepted.size() : 0, store, rejected);
  }
}
