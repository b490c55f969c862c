package io.mlpbench.results.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunRecordJson;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.store.CorruptRecordException;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.StorableText;
import io.mlpbench.results.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The default run history: one schema-versioned JSON file per run under {@code results/history/},
 * named {@code <startedAt UTC>_<runId>.json}, and the baseline as a copy of one run in {@code
 * results/baseline.json}.
 *
 * <p>Every write goes to a temp file in the same directory, is fsynced, then renamed atomically
 * into place, so a crash leaves either the whole record or none (plus, at worst, a leftover {@code
 * .tmp} file that reading reports and ignores). A run file is never overwritten: appends hold a
 * lock file across processes, and a run id already present makes {@link #append} return false.
 */
public final class FileRunStore implements RunStore {
  /** Name of the history directory and baseline file inside a results directory. */
  public static final String HISTORY_DIR = "history";

  public static final String BASELINE_FILE = "baseline.json";

  static final String TMP_SUFFIX = ".tmp";
  private static final String LOCK_FILE = ".append.lock";
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9.-]{1,80}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Called between the fsynced temp file and the rename; tests inject a crash here. */
  interface BeforeRename {
    void run(Path temp, Path target) throws IOException;
  }

  private static final ConcurrentHashMap<Path, Object> APPEND_MONITORS = new ConcurrentHashMap<>();

  private final Path historyDir;
  private final Path baselineFile;
  private final ObjectMapper json = RunRecordJson.mapper();
  private BeforeRename beforeRename = (temp, target) -> {};

  /** History in {@code resultsDir/history}, baseline in {@code resultsDir/baseline.json}. */
  public FileRunStore(Path resultsDir) {
    this(resultsDir.resolve(HISTORY_DIR), resultsDir.resolve(BASELINE_FILE));
  }

  public FileRunStore(Path historyDir, Path baselineFile) {
    this.historyDir = historyDir.toAbsolutePath().normalize();
    this.baselineFile = baselineFile.toAbsolutePath().normalize();
  }

  void injectBeforeRename(BeforeRename hook) {
    this.beforeRename = Objects.requireNonNull(hook);
  }

  public Path historyDir() {
    return historyDir;
  }

  public Path baselineFile() {
    return baselineFile;
  }

  /** The file name a run gets: sortable start time, then its id (made file-name safe). */
  public static String fileName(RunRecord run) {
    Instant started = run.startedAt() == null ? Instant.EPOCH : run.startedAt();
    return STAMP.format(started) + "_" + safeId(run.runId()) + ".json";
  }

  /**
   * The run id as it appears in file names: itself when plain, else the plain characters plus a
   * hash of the whole id, so two different ids never share a file name.
   */
  static String safeId(String runId) {
    if (runId == null || runId.isEmpty()) {
      throw new StoreException(
          "a run record needs a runId; found " + (runId == null ? "null" : "''"));
    }
    if (PLAIN_ID.matcher(runId).matches()) {
      return runId;
    }
    String plain = runId.replaceAll("[^A-Za-z0-9.-]", "");
    if (plain.length() > 40) {
      plain = plain.substring(0, 40);
    }
    return plain + "~" + sha256(runId).substring(0, 16);
  }

  @Override
  public synchronized boolean append(RunRecord run) {
    // refuse what the database store cannot hold, so every recorded run can later be pushed
    StorableText.check(run);
    String name = fileName(run);
    String idSuffix = "_" + safeId(run.runId()) + ".json";
    byte[] bytes = serialize(run);
    // File locks are per process (a second channel in this JVM would throw), so stores on the same
    // directory in one JVM serialise on a shared monitor first, then take the file lock.
    synchronized (APPEND_MONITORS.computeIfAbsent(historyDir, d -> new Object())) {
      return appendLocked(run, name, idSuffix, bytes);
    }
  }

  private boolean appendLocked(RunRecord run, String name, String idSuffix, byte[] bytes) {
    try {
      Files.createDirectories(historyDir);
      // The lock spans processes, so two runners appending the same id cannot both win.
      try (FileChannel lockChannel =
              FileChannel.open(
                  historyDir.resolve(LOCK_FILE),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = lockChannel.lock()) {
        for (Path existing : runFiles()) {
          if (existing.getFileName().toString().endsWith(idSuffix)) {
            return false;
          }
        }
        writeAtomically(historyDir.resolve(name), bytes);
        return true;
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot append run " + run.runId() + " to " + historyDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized ReadResult list(RunQuery query) {
    RunQuery q = query == null ? RunQuery.ALL : query;
    List<RunRecord> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(historyDir)) {
      return new ReadResult(runs, problems);
    }
    for (Path file : allFiles()) {
      String name = file.getFileName().toString();
      if (name.endsWith(TMP_SUFFIX)) {
        problems.add(
            historyDir.relativize(file)
                + ": incomplete write (a run interrupted before its rename, or a write in progress);"
                + " ignored, safe to delete when no run is writing");
        continue;
      }
      if (!name.endsWith(".json")) {
        continue;
      }
      Read read = read(file);
      if (read.problem != null) {
        problems.add(read.problem);
      } else if (matches(read.run, q)) {
        runs.add(read.run);
      }
    }
    runs.sort(
        Comparator.comparing((RunRecord r) -> r.startedAt() == null ? Instant.EPOCH : r.startedAt())
            .thenComparing(RunRecord::runId));
    if (q.limit() != null && q.limit() >= 0 && runs.size() > q.limit()) {
      runs = new ArrayList<>(runs.subList(runs.size() - q.limit(), runs.size()));
    }
    return new ReadResult(runs, problems);
  }

  /** The stored run with this id, if its file is readable. */
  @Override
  public synchronized Optional<RunRecord> find(String runId) {
    String idSuffix = "_" + safeId(runId) + ".json";
    for (Path file : runFiles()) {
      if (file.getFileName().toString().endsWith(idSuffix)) {
        Read read = read(file);
        if (read.problem != null) {
          throw new CorruptRecordException("run " + runId + " cannot be read: " + read.problem);
        }
        return Optional.of(read.run);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized Optional<RunRecord> baseline() {
    if (!Files.exists(baselineFile)) {
      return Optional.empty();
    }
    return Optional.of(readRecordFile(baselineFile));
  }

  /**
   * Reads one run record file (a baseline or a history file given by path), failing with a message
   * that names the file and the reason.
   */
  public RunRecord readRecordFile(Path file) {
    Read read = read(file);
    if (read.problem != null) {
      throw new CorruptRecordException(read.problem);
    }
    return read.run;
  }

  /**
   * Reads a run record file anywhere (e.g. {@code report --from}) with the history's checks: empty,
   * truncated or corrupt JSON and unknown schema versions are refused, naming the file.
   *
   * @throws CorruptRecordException naming the file, what was expected and what was found
   */
  public static RunRecord readRecord(Path file) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    Read read = new FileRunStore(dir, dir.resolve(BASELINE_FILE)).read(file, file.toString());
    if (read.problem != null) {
      throw new CorruptRecordException(read.problem);
    }
    return read.run;
  }

  @Override
  public synchronized void promoteBaseline(String runId) {
    RunRecord run =
        find(runId)
            .orElseThrow(
                () ->
                    new StoreException(
                        "no run '" + runId + "' in " + historyDir + " to promote to baseline"));
    try {
      Path parent = baselineFile.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      writeAtomically(baselineFile, serialize(run));
    } catch (IOException e) {
      throw new StoreException("cannot write baseline " + baselineFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "file history " + historyDir + " (baseline " + baselineFile + ")";
  }

  private byte[] serialize(RunRecord run) {
    try {
      return json.writeValueAsBytes(run);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialise run " + run.runId() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Temp file beside the target, fsync, atomic rename, fsync of the directory (the rename itself).
   */
  private void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path dir = target.getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TMP_SUFFIX);
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      beforeRename.run(temp, target);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(
            "the file system of " + dir + " cannot rename atomically; history needs one that can",
            e);
      }
      moved = true;
      forceDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void forceDirectory(Path dir) {
    // Makes the rename durable on Linux; some platforms cannot open a directory, which is harmless.
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort
    }
  }

  private record Read(RunRecord run, String problem) {}

  private Read read(Path file) {
    return read(
        file,
        historyDir.equals(file.getParent()) ? file.getFileName().toString() : file.toString());
  }

  private Read read(Path file, String label) {
    JsonNode tree;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        return new Read(null, label + ": empty file, not a run record");
      }
      tree = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      return new Read(
          null, label + ": corrupt JSON (" + e.getOriginalMessage() + location(e) + ")");
    } catch (IOException e) {
      return new Read(null, label + ": cannot read (" + e.getMessage() + ")");
    }
    if (tree == null || !tree.isObject()) {
      return new Read(null, label + ": expected a JSON object (a run record), found " + kind(tree));
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      return new Read(
          null, label + ": no integer schemaVersion; not a run record of this suite, ignored");
    }
    int v = version.asInt();
    if (v > RunRecord.SCHEMA_VERSION) {
      return new Read(
          null,
          label
              + ": schemaVersion "
              + v
              + " is newer than this suite reads ("
              + RunRecord.SCHEMA_VERSION
              + "); written by a newer mlp-bench, ignored (upgrade to read it)");
    }
    if (v < 1) {
      return new Read(
          null,
          label
              + ": unknown schemaVersion "
              + v
              + " (expected 1.."
              + RunRecord.SCHEMA_VERSION
              + ")");
    }
    try {
      RunRecord run = json.treeToValue(tree, RunRecord.class);
      if (run.runId() == null || run.runId().isBlank()) {
        return new Read(null, label + ": run record without a runId, ignored");
      }
      return new Read(run, null);
    } catch (JsonProcessingException e) {
      return new Read(null, label + ": not a valid run record (" + e.getOriginalMessage() + ")");
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static String kind(JsonNode node) {
    return node == null || node.isMissingNode()
        ? "nothing"
        : node.getNodeType().name().toLowerCase();
  }

  private List<Path> runFiles() {
    return allFiles().stream().filter(p -> p.getFileName().toString().endsWith(".json")).toList();
  }

  private List<Path> allFiles() {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(historyDir)) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(historyDir)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p) && !name.equals(LOCK_FILE)) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + historyDir + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return files;
  }

  static boolean matches(RunRecord run, RunQuery q) {
    if (q.machineFingerprint() != null
        && (run.environment() == null
            || !q.machineFingerprint().equals(run.environment().machineFingerprint()))) {
      return false;
    }
    if (q.suiteVersion() != null
        && (run.environment() == null
            || !q.suiteVersion().equals(run.environment().suiteVersion()))) {
      return false;
    }
    if (q.route() != null
        && run.accuracy().stream().map(AccuracyResult::route).noneMatch(q.route()::equals)
        && run.throughput().stream().map(ThroughputResult::route).noneMatch(q.route()::equals)) {
      return false;
    }
    if (q.frameworkVersion() != null) {
      boolean inAccuracy =
          run.accuracy().stream().anyMatch(a -> q.frameworkVersion().equals(a.frameworkVersion()));
      boolean inEnvironment =
          run.environment() != null
              && run.environment().frameworkVersions() != null
              && run.environment().frameworkVersions().containsValue(q.frameworkVersion());
      return inAccuracy || inEnvironment;
    }
    return true;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
