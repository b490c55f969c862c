package io.mlpbench.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Store URLs: secrets refused in every place a URL can carry one, and never printed. */
class StoreUrlsTest {
  private static final String SECRET = "S3cret";

  @Test
  void passwordInUserInfoIsRefusedLikeOneInTheQueryString() {
    for (String url :
        new String[] {
          "jdbc:postgresql://mlp:" + SECRET + "@host:5432/db",
          "postgresql://mlp:" + SECRET + "@host:5432/db",
          "postgres://mlp:" + SECRET + "@host/db",
          "jdbc:postgresql://host/db?user=mlp&password=" + SECRET,
          "jdbc:postgresql://host/db?PASSWORD=" + SECRET,
        }) {
      assertThat(StoreUrls.hasSecret(url)).as(url).isTrue();
      assertThatThrownBy(() -> RunStores.checked(url))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must not contain a password")
          .hasMessageContaining("PGPASSWORD")
          .hasMessageNotContaining(SECRET)
          .hasMessageNotContaining("mlp:");
    }
    assertThat(StoreUrls.hasSecret("jdbc:postgresql://mlp@host/db")).isFalse();
    assertThat(StoreUrls.hasSecret("jdbc:postgresql://host:5432/db?user=mlp")).isFalse();
  }

  @Test
  void redactedDropsUserInfoAndQueryString() {
    assertThat(StoreUrls.redacted("jdbc:postgresql://mlp:" + SECRET + "@host:5432/db?ssl=true"))
        .isEqualTo("jdbc:postgresql://host:5432/db");
    assertThat(StoreUrls.redacted("postgresql://mlp@host/db")).isEqualTo("postgresql://host/db");
    assertThat(StoreUrls.redacted("jdbc:postgresql://host/db"))
        .isEqualTo("jdbc:postgresql://host/db");
  }

  @Test
  void scrubRemovesTheSecretsFromADriverMessage() {
    String url = "jdbc:postgresql://mlp:" + SECRET + "@host/db?password=" + SECRET;
    String message = "Connection to " + url + " failed; user mlp:" + SECRET + "@host";
    assertThat(StoreUrls.scrub(message, url))
        .doesNotContain(SECRET)
        .contains("jdbc:postgresql://host/db");
  }

  @Test
  void libpqFormAndUserInfoWithoutPasswordBecomeAJdbcUrl() {
    assertThat(RunStores.checked("postgresql://host:5432/db"))
        .isEqualTo("jdbc:postgresql://host:5432/db");
    assertThat(RunStores.checked("postgres://mlp@host/db?sslmode=require"))
        .isEqualTo("jdbc:postgresql://host/db?sslmode=require&user=mlp");
    assertThat(RunStores.checked("jdbc:postgresql://mlp@host/db"))
        .isEqualTo("jdbc:postgresql://host/db?user=mlp");
    assertThatThrownBy(() -> RunStores.checked("mysql://mlp@host/db"))
        .hasMessageContaining("unsupported store 'mysql://host/db'")
        .hasMessageNotContaining("mlp");
  }
}
