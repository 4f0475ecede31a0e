package io.kameng.admin.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DifferencesCsvTest {

  @Test
  void quotesFieldsWithCommasQuotesAndLineBreaks() {
    assertThat(DifferencesCsv.line(Stream.of("a", "b,c", "say \"hi\"", "x\ny", "手续费不符")))
        .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",手续费不符\r\n");
  }

  @Test
  void keepsExcelFromReadingAFieldAsAFormula() {
    assertThat(DifferencesCsv.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(DifferencesCsv.field("-0.01")).isEqualTo("-0.01");
    assertThat(DifferencesCsv.field(null)).isEmpty();
  }
}
