package io.mlpbench.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one launcher: which java it runs, protocol lines, the timeout killing a JVM with its
 * children, a JVM exiting when its parent dies, and how a kill is described.
 */
class JvmLaunchTest {
  /** Prints two protocol lines around ordinary output, then exits with the status it is given. */
  public static final class Talker {
    public static void main(String[] args) {
      System.out.println(WorkerProtocol.PREFIX + "\"first\"");
      System.out.println("framework logging");
      System.err.println("on stderr");
      System.out.println(WorkerProtocol.PREFIX + "\"second\"");
      System.exit(Integer.parseInt(args[0]));
    }
  }

  /**
   * Says its pid, then idles for two minutes. {@code watched-child} first starts a child like it
   * through the launcher; {@code plain-child} one without any parent watch, which only a kill of
   * the descendants can end early.
   */
  public static final class Sleeper {
    public static void main(String[] args) throws Exception {
      if (args.length > 0 && args[0].equals("watched-child")) {
        System.out.println("child " + launch(Sleeper.class).start().pid());
      } else if (args.length > 0) {
        Process plain =
            new ProcessBuilder(
                    JvmLaunch.javaLauncher().toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Sleeper.class.getName())
                .start();
        System.out.println("child " + plain.pid());
      }
      System.out.println("pid " + ProcessHandle.current().pid());
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  private static JvmLaunch launch(Class<?> main, String... args) {
    return JvmLaunch.of(main.getName())
        .classpath(
            Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .toList())
        .args(List.of(args));
  }

  @AfterEach
  void clear() {
    System.clearProperty(JvmLaunch.JVM_PROPERTY);
  }

  @Test
  void readsProtocolLinesApartFromOtherOutput() throws Exception {
    LaunchedJvm.Transcript t = launch(Talker.class, "3").start().transcript();
    assertThat(t.messages(String.class)).containsExactly("first", "second");
    assertThat(t.otherOutput()).contains("framework logging", "on stderr");
    assertThat(t.exit().status()).isEqualTo(3);
    assertThat(t.exit().ok()).isFalse();
    assertThat(t.exit().describe()).isEqualTo("exited with status 3");
  }

  @Test
  void aTimeoutKillsTheJvmAndTheProcessesItStarted() throws Exception {
    List<Long> pids = new ArrayList<>();
    LaunchedJvm parent =
        launch(Sleeper.class, "plain-child").timeout(Duration.ofSeconds(10)).start();
    LaunchedJvm.Exit exit =
        parent.forEachLine(
            line -> {
              if (line.startsWith("child ")) {
                pids.add(Long.parseLong(line.substring("child ".length()).trim()));
              }
            });
    assertThat(exit.timedOut()).isTrue();
    assertThat(exit.describe()).isEqualTo("killed after the timeout of 10.0 s");
    assertThat(pids).as("the parent said which child it started").hasSize(1);
    ProcessHandle child = ProcessHandle.of(pids.get(0)).orElse(null);
    try {
      // killed with its parent; it has no watch of its own and would idle on for two minutes
      assertThat(child == null || !child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isTrue();
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void aJvmWhoseParentIsKilledExitsByItself() throws Exception {
    // the parent itself calls no ParentWatch: the launcher's WatchedMain does it for both
    LaunchedJvm parent = launch(Sleeper.class, "watched-child").start();
    ProcessHandle child = null;
    try {
      List<Long> pids = new ArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  parent.forEachLine(
                      line -> {
                        if (line.startsWith("child ")) {
                          synchronized (pids) {
                            pids.add(Long.parseLong(line.substring("child ".length()).trim()));
                            pids.notifyAll();
                          }
                        }
                      });
                } catch (java.io.IOException e) {
                  // the parent is killed below
                }
              });
      reader.setDaemon(true);
      reader.start();
      synchronized (pids) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pids.isEmpty() && System.nanoTime() < deadline) {
          pids.wait(1000);
        }
      }
      assertThat(pids).as("the parent said which child it started").hasSize(1);
      child = ProcessHandle.of(pids.get(0)).orElseThrow();
      ProcessHandle.of(parent.pid()).orElseThrow().destroyForcibly(); // SIGKILL, children stay
      // the watch polls every 250 ms; without it the child would idle on for two minutes
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(child.isAlive()).as("child still running after its parent died").isFalse();
    } finally {
      parent.close();
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void aKilledJvmIsDescribedByItsSignal() throws Exception {
    LaunchedJvm sleeper = launch(Sleeper.class).start();
    LaunchedJvm.Exit exit =
        sleeper.forEachLine(
            line -> {
              if (line.startsWith("pid ")) {
                ProcessHandle.of(sleeper.pid()).orElseThrow().destroyForcibly();
              }
            });
    assertThat(exit.status()).isEqualTo(137);
    assertThat(exit.describe()).startsWith("killed by signal 9 (SIGKILL").endsWith("status 137");
    assertThat(LaunchedJvm.Exit.signal(143)).isEqualTo("signal 15 (SIGTERM)");
    assertThat(LaunchedJvm.Exit.signal(1)).isNull();
  }

  @Test
  void usesThisJvmByDefault() {
    assertThat(JvmLaunch.javaLauncher())
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  @Test
  void usesTheNamedJavaHome() {
    String home = Path.of(System.getProperty("java.home")).toAbsolutePath().toString();
    System.setProperty(JvmLaunch.JVM_PROPERTY, home);
    assertThat(JvmLaunch.javaLauncher()).isEqualTo(Path.of(home, "bin", "java"));
  }

  @Test
  void rejectsADirectoryWithoutJava() {
    System.setProperty(JvmLaunch.JVM_PROPERTY, "/nonexistent/jdk");
    assertThatThrownBy(JvmLaunch::javaLauncher)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dmlpbench.jvm=/nonexistent/jdk")
        .hasMessageContaining("/nonexistent/jdk/bin/java");
  }
}
