package io.kameng.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in to a console. Created with a password hash, never a password; the roles say
 * which console pages the person may open. A disabled account cannot sign in but keeps its history.
 */
@Entity
@Table(name = "user_account")
@NamedQuery(
    name = UserAccount.BY_USERNAME,
    query = "SELECT a FROM UserAccount a WHERE a.username = :username")
public class UserAccount {

  public static final String BY_USERNAME = "UserAccount.byUsername";
  public static final int USERNAME_MAX = 64;
  public static final int DISPLAY_NAME_MAX = 100;
  public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  @Pattern(regexp = USERNAME_PATTERN)
  @Column(nullable = false, unique = true, length = USERNAME_MAX)
  private String username;

  @NotBlank
  @Size(max = DISPLAY_NAME_MAX)
  @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled;

  @NotEmpty
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_account_id"))
  @Column(name = "role", nullable = false, length = 20)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected UserAccount() {}

  public UserAccount(
      String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
    this.username = Objects.requireNonNull(username, "Username is required.");
    this.displayName = Objects.requireNonNull(displayName, "Display name is required.");
    this.passwordHash = Objects.requireNonNull(passwordHash, "Password hash is required.");
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    this.createdAt = Objects.requireNonNull(now, "Creation time is required.");
    this.enabled = true;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Set<Role> roles() {
    return Collections.unmodifiableSet(roles);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
