package io.kameng.platform.entity;

/**
 * An admin's value for a setting was refused: the code is a message key ({@code setting.*}), the
 * setting says which field.
 */
public class SettingException extends BusinessException {

  private static final long serialVersionUID = 1L;

  private final transient Setting setting;

  public SettingException(Setting setting, String code) {
    super(code, "Setting " + setting.key() + " refused: " + code);
    this.setting = setting;
  }

  public Setting setting() {
    return setting;
  }
}
