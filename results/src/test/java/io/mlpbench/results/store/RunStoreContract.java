package io.mlpbench.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.results.model.RunRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RunStore} shares, run against the file store and PostgreSQL alike. */
public abstract class RunStoreContract {
  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  /** A new, empty store for each test. */
  protected abstract RunStore emptyStore() throws Exception;

  @Test
  void appendedRunReadsBackEqual() throws Exception {
    try (RunStore store = emptyStore()) {
      RunRecord run = TestRuns.run("run-1", T0, "manual", "m1", "first");
      assertThat(store.append(run)).isTrue();
      RunStore.ReadResult read = store.list(RunQuery.ALL);
      assertThat(read.problems()).isEmpty();
      assertThat(read.runs()).containsExactly(run);
    }
  }

  @Test
  void appendingTheSameRunTwiceStoresItOnce() throws Exception {
    try (RunStore store = emptyStore()) {
      RunRecord run = TestRuns.run("run-1", T0, "manual", "m1", null);
      assertThat(store.append(run)).isTrue();
      assertThat(store.append(run)).as("second append of the same run id").isFalse();
      assertThat(store.list(RunQuery.ALL).runs()).hasSize(1);
    }
  }

  @Test
  void listsOldestFirstAndLimitKeepsTheNewest() throws Exception {
    try (RunStore store = emptyStore()) {
      store.append(TestRuns.run("b", T0.plusSeconds(60), "manual", "m1", null));
      store.append(TestRuns.run("a", T0, "manual", "m1", null));
      store.append(TestRuns.run("c", T0.plusSeconds(120), "manual", "m1", null));
      assertThat(ids(store.list(RunQuery.ALL))).containsExactly("a", "b", "c");
      assertThat(ids(store.list(new RunQuery(null, null, null, null, 2))))
          .containsExactly("b", "c");
    }
  }

  @Test
  void queriesFilterByRouteMachineSuiteAndFrameworkVersion() throws Exception {
    try (RunStore store = emptyStore()) {
      store.append(TestRuns.run("r1", T0, "manual", "m1", null, "1.0", "0.1.0"));
      store.append(TestRuns.run("r2", T0.plusSeconds(1), "djl-fit", "m1", null, "0.36.0", "0.1.0"));
      store.append(TestRuns.run("r3", T0.plusSeconds(2), "djl-fit", "m2", null, "0.35.0", "0.2.0"));
      assertThat(ids(store.list(new RunQuery("djl-fit", null, null, null, null))))
          .containsExactly("r2", "r3");
      assertThat(ids(store.list(new RunQuery(null, "m1", null, null, null))))
          .containsExactly("r1", "r2");
      assertThat(ids(store.list(new RunQuery(null, null, "0.2.0", null, null))))
          .containsExactly("r3");
      assertThat(ids(store.list(new RunQuery(null, null, null, "0.36.0", null))))
          .containsExactly("r2");
    }
  }

  @Test
  void promotedRunBecomesTheBaseline() throws Exception {
    try (RunStore store = emptyStore()) {
      assertThat(store.baseline()).isEmpty();
      RunRecord run = TestRuns.run("base", T0, "manual", "m1", null);
      store.append(run);
      store.append(TestRuns.run("later", T0.plusSeconds(5), "manual", "m1", null));
      store.promoteBaseline("base");
      assertThat(store.baseline()).contains(run);
      assertThatThrownBy(() -> store.promoteBaseline("no-such-run"))
          .hasMessageContaining("no-such-run");
    }
  }

  @Test
  void hostileTextIsStoredAndReadBackVerbatim() throws Exception {
    String hostile = "'); drop table runs; --";
    try (RunStore store = emptyStore()) {
      RunRecord run =
          TestRuns.run("x'); drop table runs; --", T0, hostile, "m1", hostile + " \"quoted\" \\ ü");
      assertThat(store.append(run)).isTrue();
      assertThat(store.list(new RunQuery(hostile, null, null, null, null)).runs())
          .containsExactly(run);
      assertThat(store.list(RunQuery.ALL).runs()).hasSize(1);
    }
  }

  static List<String> ids(RunStore.ReadResult result) {
    return result.runs().stream().map(RunRecord::runId).toList();
  }
}
