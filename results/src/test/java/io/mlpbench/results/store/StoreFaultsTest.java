package io.mlpbench.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What no store may hold, and a push that meets one bad run among good ones. */
class StoreFaultsTest {
  static RunRecord withNul(String id) {
    return TestRuns.run(id, Instant.parse("2026-11-05T00:00:00Z"), "manual", "m1", "bad\0note");
  }

  @Test
  void fileStoreRefusesTextThePostgresStoreCannotHold(@TempDir Path dir) throws Exception {
    FileRunStore store = new FileRunStore(dir);
    assertThatThrownBy(() -> store.append(withNul("nul-1")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("run nul-1 cannot be stored: note contains the character U+0000");
    assertThat(dir.resolve("history")).doesNotExist();
    // any field, map keys included: the message names the first one (NUL shown as \0)
    RunRecord nulRoute =
        TestRuns.run("r", Instant.parse("2026-11-05T00:00:00Z"), "ma\0nual", "m1", null);
    assertThatThrownBy(() -> StorableText.check(nulRoute))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("environment.frameworkVersions.ma\\0nual (a key)");
  }

  @Test
  void pushSendsEveryGoodRunAndReportsEachBadOne() {
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      runs.add(
          i == 2 || i == 4
              ? withNul("bad-" + i)
              : TestRuns.run(
                  "good-" + i,
                  Instant.parse("2026-11-05T00:00:00Z").plusSeconds(i),
                  "manual",
                  "m1",
                  null));
    }
    // the in-memory source holds what an older suite may have written; the target checks like any
    InMemoryRunStore local = new InMemoryRunStore(runs);
    InMemoryRunStore remote = new InMemoryRunStore(List.of());
    RunStore checking =
        new ForwardingStore(remote) {
          @Override
          public boolean append(RunRecord run) {
            StorableText.check(run);
            return super.append(run);
          }
        };
    RunPusher.Summary summary = RunPusher.push(local, checking, null);
    assertThat(summary.complete()).isTrue();
    assertThat(summary.allStored()).isFalse();
    assertThat(summary.pushed()).isEqualTo(4);
    assertThat(summary.rejected())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r).contains("note contains the character U+0000"));
    assertThat(summary.describe()).contains("4 pushed, 0 already present, 2 rejected, of 6 runs");
    assertThat(summary.describe()).doesNotContain("push again");
    assertThat(Stream.of("good-0", "good-1", "good-3", "good-5"))
        .allMatch(id -> remote.find(id).isPresent());
  }

  /** Delegates everything; tests override one method. */
  static class ForwardingStore implements RunStore {
    private final RunStore store;

    ForwardingStore(RunStore store) {
      this.store = store;
    }

    @Override
    public boolean append(RunRecord run) {
      return store.append(run);
    }

    @Override
    public ReadResult list(RunQuery query) {
      return store.list(query);
    }

    @Override
    public java.util.Optional<RunRecord> baseline() {
      return store.baseline();
    }

    @Override
    public void promoteBaseline(String runId) {
      store.promoteBaseline(runId);
    }

    @Override
    public String describe() {
      return store.describe();
    }
  }

  @Test
  void unreadableFilesAreReportedNotPushed(@TempDir Path dir) throws Exception {
    FileRunStore local = new FileRunStore(dir);
    local.append(TestRuns.run("ok-1", Instant.parse("2026-11-05T00:00:00Z"), "manual", "m1", null));
    Files.writeString(dir.resolve("history/20261105T000001Z_trunc.json"), "{\"schemaVersion\":1,");
    RunPusher.Summary summary = RunPusher.push(local, new InMemoryRunStore(List.of()), null);
    assertThat(summary.pushed()).isEqualTo(1);
    assertThat(summary.unreadable())
        .singleElement()
        .asString()
        .contains("trunc.json: corrupt JSON");
    assertThat(summary.allStored()).isFalse();
  }
}
