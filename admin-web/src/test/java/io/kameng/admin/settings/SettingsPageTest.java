package io.kameng.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.platform.entity.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsPageTest {

  @Test
  void everySettingIsInExactlyOneNamedGroup() {
    List<Setting> shown =
        SettingsPage.GROUPS.stream().flatMap(group -> group.settings().stream()).toList();

    assertThat(shown).containsExactlyInAnyOrder(Setting.values());
    assertThat(SettingsPage.GROUPS).extracting(SettingsPage.Group::name).doesNotContain("other");
  }
}
