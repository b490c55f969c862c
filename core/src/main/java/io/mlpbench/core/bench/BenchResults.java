package io.mlpbench.core.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The typed result file of one benchmarks run ({@code
 * results/jmh/jmh-<stamp>-<profile>-results.json}, beside JMH's standard JSON): JMH's output
 * interpreted once, by the benchmarks runner, so every reader sees the same samples/s, GFLOP/s,
 * peaks and failures.
 *
 * @param jmhFile the name of the standard JMH JSON this was read from (same directory)
 * @param busyRule when an iteration counts as measured on a busy machine, in words
 * @param calibrations every SGEMM calibration of this run, busy ones included
 * @param peaks the denominator of "% of peak" per thread count: the best quiet calibration, or a
 *     quiet one reused from an earlier file when this run's were busy; none: "% of peak" is n/a
 * @param failures jobs and plan problems that produced no (or not all) results
 */
public record BenchResults(
    int schemaVersion,
    String jmhFile,
    String profile,
    String startedAt,
    String finishedAt,
    Machine machine,
    String busyRule,
    List<RouteResult> results,
    List<GemmPeak> calibrations,
    List<GemmPeak> peaks,
    List<FailedJob> failures) {
  public static final int SCHEMA_VERSION = 1;

  /** How a typed result file's name ends; the JMH JSON beside it has the same stem. */
  public static final String SUFFIX = "-results.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  public BenchResults {
    Objects.requireNonNull(machine, "machine");
    results = List.copyOf(results);
    calibrations = List.copyOf(calibrations);
    peaks = List.copyOf(peaks);
    failures = List.copyOf(failures);
  }

  /** The hardware a peak belongs to: a peak is reused only on the same CPU model and core count. */
  public record Machine(String cpuModel, int cores, String os, String arch) {
    boolean sameHardware(Machine other) {
      return cores == other.cores && Objects.equals(cpuModel, other.cpuModel);
    }
  }

  /**
   * A job (or a problem found before any job ran) that did not produce all its results.
   *
   * @param label the job's label, e.g. {@code djl-fit-t2}; null for a plan problem
   * @param route null for a calibration or a plan problem
   */
  public record FailedJob(String label, String route, int threads, String reason) {}

  /** The peak used at {@code threads}, if any. */
  public Optional<GemmPeak> peak(int threads) {
    return peaks.stream().filter(p -> p.threads() == threads).findFirst();
  }

  /** The typed file name for a JMH JSON file name ({@code jmh-x.json -> jmh-x-results.json}). */
  public static String fileNameFor(String jmhJson) {
    return jmhJson.replaceFirst("\\.json$", "") + SUFFIX;
  }

  /** Writes the file atomically (a reader never sees half of it). */
  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a typed result file; an unreadable, truncated or foreign file fails naming the file. */
  public static BenchResults read(Path file) throws IOException {
    BenchResults read;
    try {
      read = JSON.readValue(file.toFile(), BenchResults.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "cannot read benchmark results " + file + ": " + firstLine(e.getMessage()), e);
    }
    if (read == null || read.schemaVersion() != SCHEMA_VERSION) {
      throw new IOException(
          "benchmark results "
              + file
              + ": expected schemaVersion "
              + SCHEMA_VERSION
              + ", found "
              + (read == null ? "an empty file" : read.schemaVersion()));
    }
    return read;
  }

  /** The newest typed result file in {@code dir} (by modification time, then name), if any. */
  public static Optional<Path> newest(Path dir) {
    return files(dir).findFirst();
  }

  /**
   * The newest quiet peak at {@code threads} recorded in {@code dir}'s earlier files on the same
   * hardware, labelled with the file and date it came from; unreadable files are skipped.
   */
  public static Optional<GemmPeak> lastQuietPeak(Path dir, Machine machine, int threads) {
    return files(dir)
        .flatMap(
            f -> {
              try {
                BenchResults earlier = read(f);
                return earlier.machine().sameHardware(machine)
                    ? earlier.peaks().stream()
                        .filter(p -> p.threads() == threads && !p.busy())
                        .map(p -> p.reusedFrom() != null ? p : p.reusedFrom(label(f, earlier)))
                        .findFirst()
                        .stream()
                    : Stream.empty();
              } catch (IOException e) {
                return Stream.empty();
              }
            })
        .findFirst();
  }

  private static String label(Path file, BenchResults earlier) {
    String date = earlier.startedAt() == null ? "" : earlier.startedAt();
    return file.getFileName() + (date.length() >= 10 ? " (" + date.substring(0, 10) + ")" : "");
  }

  /** Typed result files in {@code dir}, newest first. */
  private static Stream<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
          .sorted(
              Comparator.comparing(BenchResults::modified)
                  .thenComparing(p -> p.getFileName().toString())
                  .reversed())
          .toList()
          .stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
