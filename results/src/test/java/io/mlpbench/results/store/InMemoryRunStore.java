package io.mlpbench.results.store;

import io.mlpbench.results.model.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A local history stand-in for push tests: holds runs in memory, counts reads. */
public final class InMemoryRunStore implements RunStore {
  private final Map<String, RunRecord> runs = new LinkedHashMap<>();

  public InMemoryRunStore(List<RunRecord> initial) {
    initial.forEach(this::append);
  }

  @Override
  public synchronized boolean append(RunRecord run) {
    return runs.putIfAbsent(run.runId(), run) == null;
  }

  @Override
  public synchronized ReadResult list(RunQuery query) {
    List<RunRecord> all = new ArrayList<>(runs.values());
    all.sort(Comparator.comparing(RunRecord::startedAt));
    return new ReadResult(all, List.of());
  }

  @Override
  public Optional<RunRecord> baseline() {
    return Optional.empty();
  }

  @Override
  public void promoteBaseline(String runId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String describe() {
    return "memory";
  }
}
