package io.mlpbench.results.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A git commit checked out in a {@code git worktree} of its own under {@code
 * <checkout>/target/ab-worktrees/<sha>} and built there (the route's module and what it needs, no
 * tests), so its code is measured without touching the user's working tree or ~/.m2.
 */
public final class CommitCheckout {
  /** A finished build leaves this file, so a later session reuses the worktree. */
  static final String BUILT_STAMP = ".mlpbench-ab-built";

  private CommitCheckout() {}

  /** The full commit id of {@code rev} in {@code root}'s repository, or null if it names none. */
  public static String resolve(Path root, String rev) {
    try {
      Result r =
          exec(root, List.of("git", "rev-parse", "--verify", "--quiet", rev + "^{commit}"), 1);
      return r.exit == 0 ? r.output.strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The worktree of {@code sha}, created and built when needed.
   *
   * @param module the route module to build (e.g. manual-backprop); upstream modules come with it
   * @throws IOException when git or Maven fails, with their output
   */
  public static Path prepare(Path root, String sha, String module, Consumer<String> log)
      throws IOException {
    Path dir = root.resolve("target/ab-worktrees").resolve(sha.substring(0, 12));
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir.getParent());
      log.accept("ab: git worktree add " + dir + " " + sha.substring(0, 12));
      Result add =
          exec(root, List.of("git", "worktree", "add", "--detach", dir.toString(), sha), 5);
      if (add.exit != 0) {
        throw new IOException("git worktree add failed for " + sha + ":\n" + add.output);
      }
    }
    Path stamp = dir.resolve("target").resolve(BUILT_STAMP + "-" + module);
    if (!Files.isRegularFile(stamp)) {
      List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-q"));
      // extra Maven flags as for ./mlp-bench's own build, e.g. MVN_ARGS=-o on an offline machine
      String extra = System.getenv().getOrDefault("MVN_ARGS", "").trim();
      if (!extra.isEmpty()) {
        mvn.addAll(List.of(extra.split("\\s+")));
      }
      mvn.add("package");
      mvn.addAll(
          List.of(
              "-DskipTests",
              "-Dbench.skip=true",
              "-Dspotless.check.skip=true",
              "-pl",
              module,
              "-am"));
      log.accept(
          "ab: building "
              + module
              + " at "
              + sha.substring(0, 12)
              + " ("
              + String.join(" ", mvn)
              + ")");
      Result build = exec(dir, mvn, 60);
      if (build.exit != 0) {
        throw new IOException(
            "build of " + module + " at " + sha + " failed in " + dir + ":\n" + tail(build.output));
      }
      Files.createDirectories(stamp.getParent());
      Files.writeString(stamp, sha + "\n");
    }
    return dir;
  }

  private record Result(int exit, String output) {}

  private static Result exec(Path dir, List<String> command, int timeoutMinutes)
      throws IOException {
    Path log = Files.createTempFile("mlpbench-ab", ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(
            String.join(" ", command) + ": timed out after " + timeoutMinutes + " min");
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    return String.join(
        "\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 30), lines.length));
  }
}
