package io.mlpbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunRecordJson;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.StoreException;
import io.mlpbench.results.store.TestRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRunStoreTest {
  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  @TempDir Path results;

  @Test
  void writesOneNamedFilePerRunAndNeverOverwrites() throws IOException {
    FileRunStore store = new FileRunStore(results);
    RunRecord run = TestRuns.run("r-1", T0, "manual", "m1", "first");
    assertThat(store.append(run)).isTrue();
    Path file = results.resolve("history/20261101T100000Z_r-1.json");
    assertThat(file).exists();
    String before = Files.readString(file);

    RunRecord sameIdOtherContent =
        TestRuns.run("r-1", T0.plusSeconds(3600), "manual", "m1", "second");
    assertThat(store.append(sameIdOtherContent)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(historyFiles()).hasSize(1);
  }

  @Test
  void crashBetweenTempWriteAndRenameLeavesNoRecord() throws IOException {
    FileRunStore store = new FileRunStore(results);
    store.append(TestRuns.run("kept", T0, "manual", "m1", null));
    store.injectBeforeRename(
        (temp, target) -> {
          // The temp file is complete and fsynced at this point; the "crash" comes before the
          // rename.
          assertThat(temp).exists().hasFileName(temp.getFileName().toString());
          assertThat(target).doesNotExist();
          throw new IOException("simulated crash before rename");
        });

    assertThatThrownBy(
            () -> store.append(TestRuns.run("lost", T0.plusSeconds(60), "manual", "m1", null)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("lost")
        .hasMessageContaining("simulated crash before rename");

    RunStore.ReadResult read = store.list(RunQuery.ALL);
    assertThat(read.runs()).extracting(RunRecord::runId).containsExactly("kept");
    assertThat(read.problems()).isEmpty();
    assertThat(historyFiles()).as("the failed write's temp file is removed").hasSize(1);
  }

  @Test
  void leftoverTempFileOfAKilledWriterIsReportedNotListed() throws IOException {
    FileRunStore store = new FileRunStore(results);
    store.append(TestRuns.run("kept", T0, "manual", "m1", null));
    // What a process killed mid-write leaves: a truncated record under a temp name.
    String full =
        RunRecordJson.mapper().writeValueAsString(TestRuns.run("half", T0, "manual", "m1", null));
    Path leftover = results.resolve("history/.20261101T100100Z_half.json.123.tmp");
    Files.writeString(leftover, full.substring(0, full.length() / 2));

    RunStore.ReadResult read = store.list(RunQuery.ALL);
    assertThat(read.runs()).extracting(RunRecord::runId).containsExactly("kept");
    assertThat(read.problems())
        .singleElement()
        .asString()
        .contains(".20261101T100100Z_half.json.123.tmp")
        .contains("incomplete write");
    assertThat(store.find("half")).isEmpty();
  }

  @Test
  void corruptFileIsReportedAndTheRestIsRead() throws IOException {
    FileRunStore store = new FileRunStore(results);
    store.append(TestRuns.run("good", T0, "manual", "m1", null));
    Files.writeString(
        results.resolve("history/20261101T110000Z_broken.json"),
        "{\"schemaVersion\": 1, \"runId\": ");
    Files.writeString(results.resolve("history/20261101T120000Z_empty.json"), "");

    RunStore.ReadResult read = store.list(RunQuery.ALL);
    assertThat(read.runs()).extracting(RunRecord::runId).containsExactly("good");
    assertThat(read.problems()).hasSize(2);
    assertThat(read.problems().get(0)).startsWith("20261101T110000Z_broken.json: corrupt JSON");
    assertThat(read.problems().get(1)).startsWith("20261101T120000Z_empty.json: empty file");
  }

  @Test
  void newerOrMissingSchemaVersionIsReportedNotGuessed() throws IOException {
    FileRunStore store = new FileRunStore(results);
    store.append(TestRuns.run("good", T0, "manual", "m1", null));
    String newer =
        RunRecordJson.mapper()
            .writeValueAsString(TestRuns.run("future", T0.plusSeconds(1), "manual", "m1", null))
            .replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7");
    assertThat(newer).contains("\"schemaVersion\" : 7");
    Files.writeString(results.resolve("history/20261101T100001Z_future.json"), newer);
    Files.writeString(results.resolve("history/20261101T100002Z_other.json"), "{\"runId\": \"x\"}");

    RunStore.ReadResult read = store.list(RunQuery.ALL);
    assertThat(read.runs()).extracting(RunRecord::runId).containsExactly("good");
    assertThat(read.problems())
        .containsExactly(
            "20261101T100001Z_future.json: schemaVersion 7 is newer than this suite reads (1);"
                + " written by a newer mlp-bench, ignored (upgrade to read it)",
            "20261101T100002Z_other.json: no integer schemaVersion; not a run record of this suite, ignored");
  }

  @Test
  void promoteWritesTheRunAsBaselineAndReplacesAnEarlierOne() throws IOException {
    FileRunStore store = new FileRunStore(results);
    RunRecord first = TestRuns.run("first", T0, "manual", "m1", null);
    RunRecord second = TestRuns.run("second", T0.plusSeconds(60), "manual", "m1", null);
    store.append(first);
    store.append(second);
    store.promoteBaseline("first");
    assertThat(store.baseline()).contains(first);
    store.promoteBaseline("second");
    assertThat(store.baseline()).contains(second);
    assertThat(
            RunRecordJson.mapper()
                .readValue(results.resolve("baseline.json").toFile(), RunRecord.class))
        .isEqualTo(second);
    try (Stream<Path> files = Files.list(results)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temp file left beside the baseline")
          .containsExactlyInAnyOrder("baseline.json", "history");
    }
  }

  @Test
  void corruptBaselineFailsWithTheFileName() throws IOException {
    FileRunStore store = new FileRunStore(results);
    Files.writeString(results.resolve("baseline.json"), "not json", StandardCharsets.UTF_8);
    assertThatThrownBy(store::baseline)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("baseline.json")
        .hasMessageContaining("corrupt JSON");
  }

  @Test
  void concurrentWritersThroughSeveralStoresLoseAndDuplicateNothing() throws Exception {
    // 4 writers, two store instances on the same directory, 25 runs each, every run pushed twice
    FileRunStore[] stores = {new FileRunStore(results), new FileRunStore(results)};
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> added = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int writer = w;
      added.add(
          pool.submit(
              () -> {
                int count = 0;
                for (int i = 0; i < 25; i++) {
                  RunRecord run =
                      TestRuns.run("w" + writer + "-" + i, T0.plusSeconds(i), "manual", "m1", null);
                  count += stores[writer % 2].append(run) ? 1 : 0;
                  count +=
                      stores[(writer + 1) % 2].append(run) ? 1 : 0; // the retry: must add nothing
                }
                return count;
              }));
    }
    int total = 0;
    for (Future<Integer> f : added) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isEqualTo(100);
    RunStore.ReadResult read = stores[0].list(RunQuery.ALL);
    assertThat(read.problems()).isEmpty();
    assertThat(read.runs()).hasSize(100);
    assertThat(historyFiles()).hasSize(100);
  }

  @Test
  void idsThatAreNotFileNameSafeGetDistinctFileNames() {
    assertThat(FileRunStore.safeId("a/b"))
        .isNotEqualTo(FileRunStore.safeId("a\\b"))
        .startsWith("ab~");
    assertThat(FileRunStore.safeId("0b7e-uuid.1")).isEqualTo("0b7e-uuid.1");
  }

  private List<Path> historyFiles() throws IOException {
    try (Stream<Path> files = Files.list(results.resolve("history"))) {
      return files.filter(p -> !p.getFileName().toString().equals(".append.lock")).toList();
    }
  }
}
