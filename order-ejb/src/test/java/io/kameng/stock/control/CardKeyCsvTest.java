package io.kameng.stock.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kameng.stock.entity.RowProblem;
import io.kameng.stock.entity.StockException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CardKeyCsvTest {

  @Test
  void eachRowIsCheckedOnItsOwnAndAgainstTheRowsBeforeIt() {
    List<CardKeyCsv.Row> rows =
        CardKeyCsv.read(
            String.join(
                "\n",
                "code",
                "  AAAA-1111  ",
                "",
                "BBB",
                "CCCC 2222",
                "DDDD-3333,extra",
                "AAAA-1111",
                "\"EEEE-4444\"",
                "<script>",
                "FFFF/5555+==",
                "",
                ""));

    assertThat(rows)
        .extracting(r -> r.line() + ":" + r.code() + ":" + r.problem().map(Enum::name).orElse("ok"))
        .containsExactly(
            "2:AAAA-1111:ok",
            "3::EMPTY",
            "4:BBB:MALFORMED",
            "5:CCCC 2222:MALFORMED",
            "6:DDDD-3333:MALFORMED",
            "7:AAAA-1111:DUPLICATE_IN_FILE",
            "8:EEEE-4444:ok",
            "9:<script>:MALFORMED",
            "10:FFFF/5555+==:ok");
    assertThat(rows.get(5).rejected().maskedKey()).isEqualTo("****1111");
    assertThat(rows.get(5).rejected().problem()).isEqualTo(RowProblem.DUPLICATE_IN_FILE);
  }

  @Test
  void withoutAHeaderTheFirstRowIsAKey() {
    assertThat(CardKeyCsv.read("KEY-0001\r\nKEY-0002\r\n"))
        .extracting(CardKeyCsv.Row::code)
        .containsExactly("KEY-0001", "KEY-0002");
  }

  @Test
  void anUnreadableOrTooLongFileIsRefusedAsAWhole() {
    assertThatThrownBy(() -> CardKeyCsv.read("KEY-0001\n\"KEY-0002\nKEY-0003"))
        .isInstanceOf(StockException.class)
        .extracting(e -> ((StockException) e).code())
        .isEqualTo("stock.unreadableFile");
    String tooMany =
        IntStream.rangeClosed(0, CardKeyCsv.MAX_ROWS)
            .mapToObj(i -> "KEY-" + i)
            .collect(Collectors.joining("\n"));
    assertThatThrownBy(() -> CardKeyCsv.read(tooMany))
        .isInstanceOf(StockException.class)
        .extracting(e -> ((StockException) e).code())
        .isEqualTo("stock.tooManyRows");
  }
}
