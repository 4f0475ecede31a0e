package io.kameng.platform.entity;

import java.util.List;

/** Some of the values an admin saved were refused; nothing was changed. One problem per field. */
public class SettingsRefusedException extends BusinessException {

  private static final long serialVersionUID = 1L;

  private final transient List<SettingException> problems;

  public SettingsRefusedException(List<SettingException> problems) {
    super("setting.refused", "Settings refused: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<SettingException> problems() {
    return problems;
  }
}
