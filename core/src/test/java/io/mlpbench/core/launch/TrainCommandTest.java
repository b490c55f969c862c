package io.mlpbench.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.Activation;
import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.LabeledImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void divergenceRuleFlagsLossAboveTwiceTheFirstEpoch() {
    DivergenceRule rule = new DivergenceRule(10);
    assertThat(rule.check(1, 0.30)).isNull();
    assertThat(rule.check(2, 0.59)).isNull(); // 0.59 < 2 x 0.30
    assertThat(rule.check(3, 0.61)).contains("epoch 3").contains("twice");
  }

  @Test
  void divergenceRuleFlagsLossAboveThreeUniformGuesses() {
    // 3 x ln(10) = 6.9078: the first epoch has no earlier loss to compare with
    assertThat(new DivergenceRule(10).check(1, 6.90)).isNull();
    assertThat(new DivergenceRule(10).check(1, 6.92)).contains("3 x ln(classes)");
    assertThat(new DivergenceRule(10).check(1, Double.NaN)).contains("NaN");
  }

  @Test
  void reportsEpochsAndDoneWithAccuracyOfTheTrainer() throws Exception {
    // the fake predicts class 0 always; 3 of the 4 test labels are 0, so accuracy is exactly 0.75
    List<JsonNode> messages = run(new FakeRoute(new float[] {0.5f, 0.4f, 0.3f}), 3);
    assertThat(types(messages)).startsWith("start").endsWith("done").contains("batch");
    List<JsonNode> epochs =
        messages.stream().filter(m -> m.get("type").asText().equals("epoch")).toList();
    assertThat(epochs).hasSize(3);
    // the mean over the epoch's 2 batches of a constant per-epoch loss is that loss (float ->
    // double)
    assertThat(epochs.get(1).get("loss").asDouble())
        .isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(epochs.get(2).get("testAccuracy").asDouble()).isEqualTo(0.75);
    JsonNode done = messages.get(messages.size() - 1);
    assertThat(done.get("finalTestAccuracy").asDouble()).isEqualTo(0.75);
    assertThat(done.get("epochs").asInt()).isEqualTo(3);
    assertThat(done.get("peakRssBytes").asLong()).isPositive();
  }

  @Test
  void nanLossEndsWithFailedMessageAndFailureStatus() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status =
        command(bytes)
            .train(new FakeRoute(new float[] {0.5f, Float.NaN}), data(), data(), request(3));
    List<JsonNode> messages = parse(bytes);
    assertThat(status).isEqualTo(TrainCommand.FAILED_STATUS);
    JsonNode last = messages.get(messages.size() - 1);
    assertThat(last.get("type").asText()).isEqualTo("failed");
    assertThat(last.get("epoch").asInt()).isEqualTo(2);
    assertThat(last.get("reason").asText()).contains("NaN");
    assertThat(types(messages)).doesNotContain("done");
  }

  @Test
  void finiteButRisingLossIsFailedAsDiverged() throws Exception {
    List<JsonNode> messages = run(new FakeRoute(new float[] {0.5f, 1.2f}), 2);
    JsonNode last = messages.get(messages.size() - 1);
    assertThat(last.get("type").asText()).isEqualTo("failed");
    assertThat(last.get("epoch").asInt()).isEqualTo(2);
    assertThat(last.get("reason").asText()).contains("twice epoch 1");
  }

  @Test
  void requestRoundTripsThroughWorkerArguments() {
    TrainRequest r = request(4);
    assertThat(TrainRequest.parse(r.toArgs())).isEqualTo(r);
  }

  private static TrainRequest request(int epochs) {
    RunSpec d = RunSpec.defaults();
    return new TrainRequest(
        "fake",
        d.withModel(new RunSpec.Model("mnist", List.of(3), Activation.RELU))
            .withTraining(
                d.training().withBatchSize(2).withEpochs(epochs).withSeed(42).withThreads(1)));
  }

  @Test
  void workerParsesWhatTheRunnersWrite() {
    // the worker's side of the protocol reads the spec a runner puts on its command line
    TrainRequest r = request(4);
    List<String> args = r.toArgs();
    assertThat(args).containsExactly("--route", "fake", "--spec", r.spec().toJson());
    TrainRequest parsed = TrainRequest.parse(args);
    assertThat(parsed.spec().training().epochs()).isEqualTo(4);
    assertThat(parsed.spec().model().hiddenSizes()).containsExactly(3);
  }

  @Test
  void workerRefusesArgumentsOfAnotherShape() {
    assertThatThrownBy(() -> TrainRequest.parse(List.of("--route", "fake", "--epochs", "3")))
        .hasMessageContaining("--route <id> --spec <json>")
        .hasMessageContaining("--epochs");
  }

  private static List<JsonNode> run(Route route, int epochs) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    command(bytes).train(route, data(), data(), request(epochs));
    return parse(bytes);
  }

  private static TrainCommand command(ByteArrayOutputStream bytes) {
    return new TrainCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  private static List<JsonNode> parse(ByteArrayOutputStream bytes) throws Exception {
    List<JsonNode> messages = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (WorkerProtocol.isMessage(line)) {
        messages.add(JSON.readTree(WorkerProtocol.payload(line)));
      }
    }
    return messages;
  }

  private static List<String> types(List<JsonNode> messages) {
    return messages.stream().map(m -> m.get("type").asText()).toList();
  }

  /** 4 samples of 2 features, labels 0,0,0,1, two classes. */
  private static LabeledImages data() {
    return new LabeledImages(new float[8], new int[] {0, 0, 0, 1}, 2, 2);
  }

  /** A route whose loss per epoch is scripted and whose predictions are always class 0. */
  private record FakeRoute(float[] lossPerEpoch) implements Route {
    public String id() {
      return "fake";
    }

    public String framework() {
      return "fake";
    }

    public String frameworkVersion() {
      return "0";
    }

    public ApiStyle style() {
      return ApiStyle.LOOP;
    }

    public Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
      return new Trainer() {
        int steps;

        public float feed(Batch batch) {
          return 0;
        }

        public float trainStep(Batch batch) {
          // 2 batches of 2 per epoch
          return lossPerEpoch[Math.min(steps++ / 2, lossPerEpoch.length - 1)];
        }

        public float[] predictLogits(float[] features, int rows) {
          float[] logits = new float[rows * 2];
          for (int r = 0; r < rows; r++) {
            logits[r * 2] = 1;
          }
          return logits;
        }

        public Parameters exportParameters() {
          return initial;
        }

        public void close() {}
      };
    }
  }
}
