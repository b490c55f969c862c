package io.mlpbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.TestRuns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process killed with SIGKILL in the middle of a history write (the record fsynced under its
 * temp name, not yet renamed): no record appears, the leftover is reported, and the same run can be
 * recorded afterwards.
 */
class KilledWriterTest {
  private static final Instant T0 = Instant.parse("2026-11-07T00:00:00Z");

  /** Appends one run and stops before the rename until killed. */
  public static final class Writer {
    public static void main(String[] args) throws Exception {
      FileRunStore store = new FileRunStore(Path.of(args[0]));
      store.injectBeforeRename(
          (temp, target) -> {
            System.out.println("before rename");
            System.out.flush();
            try {
              Thread.sleep(120_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      store.append(TestRuns.run("killed-mid-write", T0, "manual", "m1", null));
    }
  }

  @Test
  void writerKilledBeforeTheRenameLeavesNoRecord(@TempDir Path results) throws Exception {
    new FileRunStore(results)
        .append(TestRuns.run("kept", T0.minusSeconds(60), "manual", "m1", null));
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Writer.class.getName(),
                results.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("before rename")) {
        // JVM warnings, if any
      }
      assertThat(line).as("the writer reached the rename").isEqualTo("before rename");
      writer.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      writer.destroyForcibly();
    }
    FileRunStore store = new FileRunStore(results);
    RunStore.ReadResult read = store.list(RunQuery.ALL);
    assertThat(read.runs()).extracting(RunRecord::runId).containsExactly("kept");
    assertThat(read.problems()).singleElement().asString().contains("incomplete write");
    assertThat(store.append(TestRuns.run("killed-mid-write", T0, "manual", "m1", null)))
        .as("the interrupted run can still be recorded")
        .isTrue();
  }
}
