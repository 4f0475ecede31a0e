package io.kameng.admin;

import io.kameng.platform.entity.BusinessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * What the staff pages say, in the reader's language: texts of the console bundle ({@code msg}), a
 * refusal's text from its code ({@code error.<code>}), messages for the whole page or for one
 * field, and times in China time. A text is run through {@link MessageFormat} only when it has
 * arguments, so texts without any may contain apostrophes; texts with arguments must not.
 */
public final class PageMessages {

  /** Where the staff work: every time on the console pages is China time. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

  private PageMessages() {}

  /** The text of {@code key} in the reader's language, with the arguments filled in. */
  public static String text(String key, Object... arguments) {
    String text = bundle().getString(key);
    return arguments.length == 0 ? text : MessageFormat.format(text, arguments);
  }

  /**
   * Why a boundary said no, in the reader's language: {@code error.<code>}, or a general text
   * naming the code when the bundle has none for it.
   */
  public static String refusal(BusinessException refused) {
    ResourceBundle messages = bundle();
    String key = "error." + refused.code();
    return messages.containsKey(key)
        ? messages.getString(key)
        : MessageFormat.format(messages.getString("error.refused"), refused.code());
  }

  /** A message for the whole page: something was done. */
  public static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  /** A message for the whole page: something was refused. */
  public static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** A refusal shown next to one field (its {@code h:message}), by the field's client id. */
  public static void errorFor(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** A time as the pages show it (China time, to the minute); empty for none. */
  public static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** The name of the signed-in person (as the boundaries know the caller). */
  public static String me() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  private static ResourceBundle bundle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg");
  }
}
