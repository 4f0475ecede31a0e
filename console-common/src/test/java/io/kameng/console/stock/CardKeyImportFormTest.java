package io.kameng.console.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kameng.platform.entity.BusinessException;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardKeyImportFormTest {

  @Test
  void anUploadedFileIsReadAsUtf8WithoutItsByteOrderMark() {
    assertThat(
            CardKeyImportForm.read(
                file("\uFEFFcode\nSTEAM-1234\n卡密-5678\n".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("code\nSTEAM-1234\n卡密-5678\n");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedNotGarbled() {
    byte[] gbk = "卡密".getBytes(java.nio.charset.Charset.forName("GBK"));
    assertThatThrownBy(() -> CardKeyImportForm.read(file(gbk)))
        .isInstanceOf(BusinessException.class)
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("stock.fileNotUtf8");
  }

  @Test
  void aFileOverTwoMegabytesIsRefused() {
    byte[] big = new byte[CardKeyImportForm.FILE_MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'A');
    assertThatThrownBy(() -> CardKeyImportForm.read(file(big)))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("stock.fileTooLarge");
  }

  /** An uploaded file as the servlet container hands it over. */
  private static Part file(byte[] content) {
    return new Part() {
      @Override
      public InputStream getInputStream() {
        return new ByteArrayInputStream(content);
      }

      @Override
      public String getContentType() {
        return "text/csv";
      }

      @Override
      public String getName() {
        return "import:file";
      }

      @Override
      public String getSubmittedFileName() {
        return "keys.csv";
      }

      @Override
      public long getSize() {
        return content.length;
      }

      @Override
      public void write(String fileName) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void delete() {}

      @Override
      public String getHeader(String name) {
        return null;
      }

      @Override
      public Collection<String> getHeaders(String name) {
        return List.of();
      }

      @Override
      public Collection<String> getHeaderNames() {
        return List.of();
      }
    };
  }
}
