package io.mlpbench.results.report;

import io.mlpbench.results.matrix.MatrixConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The release matrix in the report: the newest {@code results/matrix/<timestamp>/matrix.md}
 * (written by {@code mlp-bench matrix}), its route x release tables rendered as report tables; or,
 * when the matrix has never run, the releases {@code results/matrix.json} lists as a route x
 * release table of "not measured yet". The matrix's own Markdown stays the single rendering of its
 * verdicts; this only re-reads its tables.
 */
public final class ReleaseMatrixSection {
  private ReleaseMatrixSection() {}

  /** The section, or empty when there is neither a matrix run nor a matrix config. */
  public static Optional<HtmlReport.Section> of(Path resultsDir) throws IOException {
    Optional<Path> newest = newestMatrix(resultsDir.resolve("matrix"));
    if (newest.isPresent()) {
      List<Table> tables = withJdkAxis(tables(Files.readString(newest.get())), resultsDir);
      String run = newest.get().getParent().getFileName().toString();
      return Optional.of(
          new HtmlReport.Section(
              "Release matrix",
              "From the matrix run "
                  + run
                  + " (results/matrix/"
                  + run
                  + "/matrix.md): each release built into its own classpath; cells from the second"
                  + " release on carry the change against the previous release and its verdict.",
              List.of(),
              tables));
    }
    Path config = resultsDir.resolve("matrix.json");
    if (Files.isRegularFile(config)) {
      return Optional.of(
          new HtmlReport.Section(
              "Release matrix",
              "No matrix run recorded yet (run `./mlp-bench matrix`); the releases results/matrix.json"
                  + " lists:",
              List.of(),
              withJdkAxis(configTables(MatrixConfig.read(config)), resultsDir)));
    }
    return Optional.empty();
  }

  private static List<Table> withJdkAxis(List<Table> releases, Path resultsDir) throws IOException {
    List<Table> all = new ArrayList<>(releases);
    all.addAll(jdkAxis(resultsDir));
    return all;
  }

  /**
   * The JVM as a release: the newest {@code results/matrix/jdk-axis/<timestamp>/matrix.md} (written
   * by {@code results/matrix/jdk-axis/jdk-axis.sh}), its tables with their source named.
   */
  static List<Table> jdkAxis(Path resultsDir) throws IOException {
    Optional<Path> newest = newestMatrix(resultsDir.resolve("matrix").resolve("jdk-axis"));
    if (newest.isEmpty()) {
      return List.of();
    }
    String run = newest.get().getParent().getFileName().toString();
    List<Table> tables = new ArrayList<>();
    for (Table t : tables(Files.readString(newest.get()))) {
      List<String> notes = new ArrayList<>(t.notes());
      notes.add("From results/matrix/jdk-axis/" + run + "/matrix.md.");
      tables.add(new Table(t.title(), t.headers(), t.rows(), notes));
    }
    return tables;
  }

  /** Per framework: its routes x the releases configured, none measured yet. */
  static List<Table> configTables(MatrixConfig config) {
    List<Table> tables = new ArrayList<>();
    for (MatrixConfig.Framework f : config.frameworks()) {
      List<String> headers = new ArrayList<>(List.of("route"));
      f.versions().forEach(v -> headers.add(v.label()));
      List<String> routes =
          f.routes().isEmpty() ? List.of("every route of " + f.module()) : f.routes();
      List<List<String>> rows = new ArrayList<>();
      for (String route : routes) {
        List<String> row = new ArrayList<>(List.of(route));
        f.versions().forEach(v -> row.add("not measured yet"));
        rows.add(row);
      }
      tables.add(new Table(f.name() + " (" + f.module() + ")", headers, rows, List.of()));
    }
    return tables;
  }

  static Optional<Path> newestMatrix(Path matrixDir) throws IOException {
    if (!Files.isDirectory(matrixDir)) {
      return Optional.empty();
    }
    try (Stream<Path> runs = Files.list(matrixDir)) {
      return runs.map(d -> d.resolve("matrix.md"))
          .filter(Files::isRegularFile)
          .max(Comparator.comparing(p -> p.getParent().getFileName().toString()));
    }
  }

  /**
   * The pipe tables of a Markdown document, each titled by the heading above it; text lines between
   * a heading and its table become the table's notes.
   */
  static List<Table> tables(String markdown) {
    List<Table> tables = new ArrayList<>();
    String title = "Release matrix";
    List<String> notes = new ArrayList<>();
    List<String> lines = markdown.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("#")) {
        title = line.replaceFirst("^#+\\s*", "");
        notes = new ArrayList<>();
      } else if (line.startsWith("|") && i + 1 < lines.size() && isRule(lines.get(i + 1))) {
        List<String> headers = cells(line);
        List<List<String>> rows = new ArrayList<>();
        int j = i + 2;
        for (; j < lines.size() && lines.get(j).trim().startsWith("|"); j++) {
          List<String> row = new ArrayList<>(cells(lines.get(j).trim()));
          while (row.size() < headers.size()) {
            row.add("");
          }
          rows.add(row.subList(0, headers.size()));
        }
        tables.add(new Table(title, headers, rows, notes));
        notes = new ArrayList<>();
        i = j - 1;
      } else if (!line.isEmpty()) {
        notes.add(line);
      }
    }
    return tables;
  }

  private static boolean isRule(String line) {
    String t = line.trim();
    return t.startsWith("|") && t.replaceAll("[|:\\-\\s]", "").isEmpty() && t.contains("-");
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    // a pipe escaped as \| belongs to the cell
    return Arrays.stream(inner.split("(?<!\\\\)\\|"))
        .map(c -> c.trim().replace("\\|", "|"))
        .toList();
  }
}
