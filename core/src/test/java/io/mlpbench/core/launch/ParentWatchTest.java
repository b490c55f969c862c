package io.mlpbench.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A launcher JVM killed with SIGKILL (no shutdown hook can run) must not leave its worker running:
 * the worker notices the parent is gone and exits on its own.
 */
class ParentWatchTest {
  /** The orphan probe: a "worker" that watches its parent, then would idle for two minutes. */
  public static final class Worker {
    public static void main(String[] args) throws Exception {
      ParentWatch.start();
      System.out.println("worker " + ProcessHandle.current().pid());
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  /** The launcher: starts the worker, says its pid, waits. */
  public static final class Launcher {
    public static void main(String[] args) throws Exception {
      Process worker =
          new ProcessBuilder(
                  java(), "-cp", System.getProperty("java.class.path"), Worker.class.getName())
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      worker.getOutputStream().close(); // as the accuracy runner does: no stdin EOF to rely on
      System.out.println("launched " + worker.pid());
      System.out.flush();
      worker.waitFor();
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void workerExitsWhenItsLauncherIsKilled() throws Exception {
    Process launcher =
        new ProcessBuilder(
                java(), "-cp", System.getProperty("java.class.path"), Launcher.class.getName())
            .redirectErrorStream(true)
            .start();
    long workerPid = -1;
    boolean watching = false;
    ProcessHandle worker = null;
    try {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((workerPid < 0 || !watching) && (line = lines.readLine()) != null) {
        if (line.startsWith("launched ")) {
          workerPid = Long.parseLong(line.substring("launched ".length()).trim());
        } else if (line.startsWith("worker ")) {
          watching = true; // ParentWatch.start() has returned in the worker
        }
      }
      assertThat(workerPid).as("the launcher said which worker it started").isPositive();
      worker = ProcessHandle.of(workerPid).orElseThrow();
      launcher.destroyForcibly(); // SIGKILL: the launcher cannot clean anything up
      launcher.waitFor(10, TimeUnit.SECONDS);
      // the watch polls every 250 ms; 15 s leaves room for a loaded 2-core machine, while without
      // the watch the worker would idle on for two minutes
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (worker.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(worker.isAlive()).as("worker still running after its launcher died").isFalse();
    } finally {
      launcher.destroyForcibly();
      if (worker != null) {
        worker.destroyForcibly();
      }
    }
  }
}
