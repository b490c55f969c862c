package io.mlpbench.results.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.launch.LaunchedJvm;
import io.mlpbench.core.launch.WorkerProtocol;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EpochResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worker output (as TrainCommand prints it) turned into results, failures included. */
class WorkerTranscriptTest {
  private static final WorkerTranscript.RouteInfo ROUTE =
      new WorkerTranscript.RouteInfo("tf-tape", "TensorFlow Java", "1.1.0", "loop");

  private static String msg(String json) {
    return WorkerProtocol.PREFIX + json;
  }

  @Test
  void completedRunBecomesAnOkResultWithTimeToAccuracy() {
    WorkerTranscript t = new WorkerTranscript(ROUTE, 42, 2);
    assertThat(t.accept("framework logging line")).isNull();
    t.accept(
        msg("{\"type\":\"start\",\"route\":\"tf-tape\",\"threads\":2,\"batchesPerEpoch\":469}"));
    t.accept(msg("{\"type\":\"batch\",\"epoch\":1,\"batch\":100,\"batches\":469}"));
    t.accept(
        msg(
            "{\"type\":\"epoch\",\"epoch\":1,\"loss\":0.25,\"testAccuracy\":0.961,\"seconds\":4.5}"));
    t.accept(
        msg(
            "{\"type\":\"epoch\",\"epoch\":2,\"loss\":0.10,\"testAccuracy\":0.9702,\"seconds\":4.0}"));
    t.accept(
        msg(
            "{\"type\":\"epoch\",\"epoch\":3,\"loss\":0.07,\"testAccuracy\":0.975,\"seconds\":4.25}"));
    t.accept(
        msg(
            "{\"type\":\"done\",\"finalTestAccuracy\":0.975,\"trainingSeconds\":12.75,\"epochs\":3,\"peakRssBytes\":734003200}"));
    AccuracyResult r = t.finish(0, "");
    assertThat(r.ok()).isTrue();
    assertThat(r.finalTestAccuracy()).isEqualTo(0.975);
    assertThat(r.epochsTo97()).isEqualTo(2);
    assertThat(r.secondsTo97()).isEqualTo(8.5); // 4.5 + 4.0: epochs 1 and 2
    assertThat(r.trainingSeconds()).isEqualTo(12.75);
    assertThat(r.peakRssBytes()).isEqualTo(734003200L);
    assertThat(r.epochs())
        .containsExactly(
            new EpochResult(1, 0.25, 0.961, 4.5),
            new EpochResult(2, 0.10, 0.9702, 4.0),
            new EpochResult(3, 0.07, 0.975, 4.25));
  }

  @Test
  void failureMessageMakesAFailedRunWithEpochAndReason() {
    WorkerTranscript t = new WorkerTranscript(ROUTE, 43, 2);
    t.accept(
        msg(
            "{\"type\":\"epoch\",\"epoch\":1,\"loss\":0.25,\"testAccuracy\":0.961,\"seconds\":4.5}"));
    t.accept(msg("{\"type\":\"failed\",\"epoch\":2,\"reason\":\"non-finite loss (NaN)\"}"));
    AccuracyResult r = t.finish(3, "");
    assertThat(r.ok()).isFalse();
    assertThat(r.status()).isEqualTo(AccuracyResult.FAILED);
    assertThat(r.failedEpoch()).isEqualTo(2);
    assertThat(r.failure()).isEqualTo("non-finite loss (NaN)");
    assertThat(r.finalTestAccuracy()).isNull();
    assertThat(r.epochsTo97()).isNull();
  }

  @Test
  void nullLossInAnEpochMessageIsAFailure() {
    // JSON has no NaN: the worker sends a non-finite value as null
    WorkerTranscript t = new WorkerTranscript(ROUTE, 42, 2);
    t.accept(
        msg("{\"type\":\"epoch\",\"epoch\":1,\"loss\":null,\"testAccuracy\":0.1,\"seconds\":4.5}"));
    t.accept(msg("{\"type\":\"done\",\"finalTestAccuracy\":0.1}"));
    AccuracyResult r = t.finish(0, "");
    assertThat(r.ok()).isFalse();
    assertThat(r.failedEpoch()).isEqualTo(1);
    assertThat(r.failure()).contains("non-finite loss");
  }

  @Test
  void workerThatDiesSilentlyIsFailedWithItsExitStatusAndLastOutput() {
    WorkerTranscript t = new WorkerTranscript(ROUTE, 42, 2);
    t.accept(
        msg(
            "{\"type\":\"epoch\",\"epoch\":1,\"loss\":0.25,\"testAccuracy\":0.961,\"seconds\":4.5}"));
    AccuracyResult r =
        t.finish(134, "# A fatal error has been detected by the Java Runtime Environment");
    assertThat(r.ok()).isFalse();
    assertThat(r.failedEpoch()).isEqualTo(2);
    assertThat(r.failure()).contains("status 134").contains("fatal error");
    assertThat(r.epochs()).hasSize(1);
  }

  @Test
  void killedWorkerSaysWhichSignalBeforeTheLogNoise() {
    WorkerTranscript t = new WorkerTranscript(ROUTE, 42, 2);
    AccuracyResult r =
        t.finish(137, "I tensorflow/core/platform/cpu_feature_guard.cc:210] AVX2 FMA\0");
    assertThat(r.failure())
        .startsWith("worker killed by signal 9 (SIGKILL")
        .contains("exit status 137")
        .contains("last output: I tensorflow")
        .doesNotContain("\0"); // a NUL in the log would make the record unstorable
    assertThat(LaunchedJvm.Exit.signal(143)).isEqualTo("signal 15 (SIGTERM)");
    assertThat(LaunchedJvm.Exit.signal(1)).isNull();
    assertThat(LaunchedJvm.Exit.signal(3)).as("the worker's own failure status").isNull();
  }

  @Test
  void timeToAccuracyIsNullWhenNeverReached() {
    List<EpochResult> epochs =
        List.of(new EpochResult(1, 0.3, 0.95, 2.0), new EpochResult(2, 0.2, 0.9699, 2.0));
    assertThat(TimeToAccuracy.of(epochs, TimeToAccuracy.TARGET))
        .isEqualTo(new TimeToAccuracy(null, null));
    // exactly at the target counts as reached
    List<EpochResult> exact = List.of(new EpochResult(1, 0.3, 0.97, 2.5));
    assertThat(TimeToAccuracy.of(exact, 0.97)).isEqualTo(new TimeToAccuracy(1, 2.5));
  }
}
