package io.kameng.console.stock;

import io.kameng.platform.entity.BusinessException;
import io.kameng.stock.entity.ImportReport;
import io.kameng.stock.entity.StockLevel;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ResourceBundle;

/**
 * What both consoles' card-key stock pages share ({@code /kameng/card-key-stock.xhtml}): the stock
 * levels, and the import form — keys pasted, or a CSV file uploaded (UTF-8, at most 2 MB) — with
 * the report of rejected rows. A page's bean says whose stock it is: all of it for admins, the
 * signed-in merchant's own for merchants.
 */
public abstract class CardKeyImportForm {

  /** The largest file taken: 10,000 keys of 100 characters with line breaks, and room to spare. */
  public static final int FILE_MAX_BYTES = 2 * 1024 * 1024;

  private List<StockLevel> levels;
  private Long productId;
  private String keys = "";
  private Part file;
  private boolean acceptValidRows;
  private ImportReport report;

  /** The stock levels this page shows, the lowest first. */
  protected abstract List<StockLevel> loadLevels();

  /** Imports into the stock this page manages; refusals are business exceptions. */
  protected abstract ImportReport importInto(long productId, String csv, boolean acceptValidRows);

  /** Imports the uploaded file, or else the pasted keys; the report stays on the page. */
  public void importKeys() {
    String csv;
    try {
      csv = file != null && file.getSize() > 0 ? read(file) : keys;
    } catch (BusinessException refused) {
      error("error." + refused.code());
      return;
    }
    if (productId == null || csv == null || csv.isBlank()) {
      error("stock.import.empty");
      return;
    }
    try {
      report = importInto(productId, csv, acceptValidRows);
      levels = null;
      if (report.stored()) {
        keys = "";
      }
    } catch (BusinessException refused) {
      error("error." + refused.code());
    }
  }

  /** The file's text: UTF-8 (a byte-order mark is dropped), at most {@link #FILE_MAX_BYTES}. */
  static String read(Part file) {
    if (file.getSize() > FILE_MAX_BYTES) {
      throw new BusinessException("stock.fileTooLarge", "The file is larger than 2 MB.");
    }
    try (InputStream in = file.getInputStream()) {
      byte[] bytes = in.readNBytes(FILE_MAX_BYTES + 1);
      if (bytes.length > FILE_MAX_BYTES) {
        throw new BusinessException("stock.fileTooLarge", "The file is larger than 2 MB.");
      }
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new BusinessException("stock.fileNotUtf8", "The file is not UTF-8 text.");
    } catch (IOException e) {
      throw new BusinessException("stock.unreadableFile", "The file cannot be read.");
    }
  }

  private static void error(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.getString(key), null));
  }

  public List<StockLevel> getLevels() {
    if (levels == null) {
      levels = loadLevels();
    }
    return levels;
  }

  public ImportReport getReport() {
    return report;
  }

  public Long getProductId() {
    return productId;
  }

  public void setProductId(Long productId) {
    this.productId = productId;
  }

  public String getKeys() {
    return keys;
  }

  public void setKeys(String keys) {
    this.keys = keys;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public boolean isAcceptValidRows() {
    return acceptValidRows;
  }

  public void setAcceptValidRows(boolean acceptValidRows) {
    this.acceptValidRows = acceptValidRows;
  }
}
