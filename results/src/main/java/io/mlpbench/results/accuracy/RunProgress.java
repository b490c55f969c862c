package io.mlpbench.results.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.results.model.AccuracyResult;

/** Hears about accuracy runs as they happen (console progress bars, or nothing in tests). */
public interface RunProgress {
  default void runStarted(String route, long seed, int epochs) {}

  /** A worker message (start, batch, epoch, failed, done). */
  default void message(String route, JsonNode message) {}

  default void runFinished(String route, AccuracyResult result) {}

  RunProgress NONE = new RunProgress() {};
}
