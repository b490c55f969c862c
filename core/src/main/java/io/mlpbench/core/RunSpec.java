package io.mlpbench.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.mlpbench.dataset.Datasets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run, described once: the model, how it is trained, which data, and the space the timing
 * sweeps. The CLI builds it, route workers receive it ({@code --spec <json>}), the benchmark runner
 * and the matrix are configured from it and the run record is derived from it. Its only
 * serialization is {@link #toJson()} / {@link #fromJson(String)}; the defaults are {@link
 * ModelSpec#canonical()} and {@link TrainingConfig#defaults()}.
 *
 * @param training the one training job (accuracy runs use its batch size, threads and seed)
 */
public record RunSpec(Model model, TrainingConfig training, Data data, Sweep sweep) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance))
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The network apart from the dataset's input and class counts.
   *
   * @param dataset a name {@link Datasets#load} accepts
   */
  public record Model(String dataset, List<Integer> hidden, Activation activation) {
    public Model {
      if (dataset == null || dataset.isBlank() || activation == null || hidden == null) {
        throw new IllegalArgumentException("a model needs a dataset, hidden sizes and activation");
      }
      hidden = List.copyOf(hidden);
      if (hidden.stream().anyMatch(s -> s <= 0)) {
        throw new IllegalArgumentException("hidden sizes must be positive, got " + hidden);
      }
    }

    /** The default dataset with {@link ModelSpec#canonical()}'s hidden layers and activation. */
    public static Model canonical() {
      ModelSpec c = ModelSpec.canonical();
      return new Model(Datasets.DEFAULT_NAME, boxed(c.hiddenSizes()), c.hiddenActivation());
    }

    public int[] hiddenSizes() {
      return hidden.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Hidden sizes joined by {@code separator} (',' for the CLI, '-' for JMH parameters). */
    public String hiddenText(String separator) {
      return ModelSpec.hiddenText(hiddenSizes(), separator);
    }

    public ModelSpec spec(int inputs, int classes) {
      return ModelSpec.of(inputs, hiddenSizes(), classes, activation);
    }
  }

  /**
   * Which samples are used.
   *
   * @param trainLimit first N training samples only (0 = all), for tests and smoke runs
   * @param testLimit first N test samples only (0 = all)
   * @param dataDir explicit data directory, or null for the dataset module's own lookup
   */
  public record Data(int trainLimit, int testLimit, Path dataDir) {
    public static final Data ALL = new Data(0, 0, null);

    public Data {
      if (trainLimit < 0 || testLimit < 0) {
        throw new IllegalArgumentException(
            "train and test limits must be 0 (all) or positive, got "
                + trainLimit
                + " and "
                + testLimit);
      }
    }
  }

  /**
   * The space a run measures: every combination is a separate measurement.
   *
   * @param batchSizes timing batch sizes; empty means the benchmark profile's own
   * @param threads thread counts; empty means the benchmark profile's own
   * @param seeds accuracy seeds, one training run per seed and route
   * @param forks JMH forks per measurement, or null for the profile's
   * @param jvm Java home the route JVMs run on, or null for the JDK running the launcher
   */
  public record Sweep(
      List<Integer> batchSizes, List<Integer> threads, List<Long> seeds, Integer forks, Path jvm) {
    public Sweep {
      batchSizes = List.copyOf(batchSizes);
      threads = List.copyOf(threads);
      seeds = List.copyOf(seeds);
      if (batchSizes.stream().anyMatch(b -> b <= 0) || threads.stream().anyMatch(t -> t <= 0)) {
        throw new IllegalArgumentException(
            "batch sizes and thread counts must be positive, got " + batchSizes + " " + threads);
      }
      if (forks != null && forks <= 0) {
        throw new IllegalArgumentException("forks must be positive, got " + forks);
      }
    }

    /** Just {@code training}'s batch size, threads and seed, on this JVM's JDK. */
    public static Sweep of(TrainingConfig training) {
      return new Sweep(
          List.of(training.batchSize()),
          List.of(training.threads()),
          List.of(training.seed()),
          null,
          null);
    }

    public Sweep withSeeds(List<Long> s) {
      return new Sweep(batchSizes, threads, s, forks, jvm);
    }
  }

  public RunSpec {
    if (model == null || training == null || data == null || sweep == null) {
      throw new IllegalArgumentException("a run spec needs model, training, data and sweep");
    }
  }

  /** The canonical job: {@link Model#canonical()}, {@link TrainingConfig#defaults()}, all data. */
  public static RunSpec defaults() {
    TrainingConfig training = TrainingConfig.defaults();
    return new RunSpec(Model.canonical(), training, Data.ALL, Sweep.of(training));
  }

  public RunSpec withModel(Model m) {
    return new RunSpec(m, training, data, sweep);
  }

  public RunSpec withTraining(TrainingConfig t) {
    return new RunSpec(model, t, data, sweep);
  }

  public RunSpec withData(Data d) {
    return new RunSpec(model, training, d, sweep);
  }

  public RunSpec withSweep(Sweep s) {
    return new RunSpec(model, training, data, s);
  }

  /** The same run with another training seed (one run of the sweep's seeds). */
  public RunSpec withSeed(long seed) {
    return withTraining(training.withSeed(seed));
  }

  /** The one serialization of a run spec: every field written, none optional. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write run spec " + this, e);
    }
  }

  /**
   * Reads {@link #toJson()}'s form. A bad input is an {@link IllegalArgumentException} naming the
   * field, what was expected and what was found.
   */
  public static RunSpec fromJson(String json) {
    try {
      return JSON.readValue(json, RunSpec.class);
    } catch (UnrecognizedPropertyException e) {
      return fail(
          e,
          "unknown field '"
              + e.getPropertyName()
              + "', expected one of "
              + e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
    } catch (ValueInstantiationException e) {
      // a constructor's check or a parse() refused the value; its message says what and why
      return fail(e, e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage());
    } catch (JsonMappingException e) {
      return fail(e, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "run spec is not valid JSON: " + e.getOriginalMessage() + " at " + e.getLocation(), e);
    }
  }

  private static RunSpec fail(JsonMappingException e, String what) {
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    throw new IllegalArgumentException(
        "run spec field '" + (field.isEmpty() ? "(top)" : field) + "': " + what, e);
  }

  private static List<Integer> boxed(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
