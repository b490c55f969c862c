package io.mlpbench.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Route JVMs run on this JVM's Java home unless {@code mlpbench.jvm} names another. */
class RouteJvmTest {

  @AfterEach
  void clear() {
    System.clearProperty(RouteJvm.JVM_PROPERTY);
  }

  @Test
  void usesThisJvmByDefault() {
    assertThat(RouteJvm.javaLauncher())
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  @Test
  void usesTheNamedJavaHome() {
    String home = Path.of(System.getProperty("java.home")).toAbsolutePath().toString();
    System.setProperty(RouteJvm.JVM_PROPERTY, home);
    assertThat(RouteJvm.javaLauncher()).isEqualTo(Path.of(home, "bin", "java"));
  }

  @Test
  void rejectsADirectoryWithoutJava() {
    System.setProperty(RouteJvm.JVM_PROPERTY, "/nonexistent/jdk");
    assertThatThrownBy(RouteJvm::javaLauncher)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dmlpbench.jvm=/nonexistent/jdk")
        .hasMessageContaining("/nonexistent/jdk/bin/java");
  }
}
