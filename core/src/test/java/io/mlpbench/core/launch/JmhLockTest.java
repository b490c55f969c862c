package io.mlpbench.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhLockTest {
  @TempDir Path temp;

  @Test
  void aHeldLockIsNotFreeAndIsFreeOnceReleased() throws Exception {
    Path file = temp.resolve("jmh.lock");
    List<String> told = new ArrayList<>();
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held = channel.lock();
      assertThat(JmhLock.free(file)).isFalse();
      assertThat(JmhLock.awaitFree(file, Duration.ZERO, told::add)).isFalse();
      held.release();
    }
    assertThat(told).singleElement().asString().contains("another JMH run holds " + file);
    assertThat(JmhLock.free(file)).isTrue();
  }

  @Test
  void onlyJmhsLockRefusalCountsAsContention() {
    String refusal =
        "JMH JVM exited with code 1; no results for [x]; output: ERROR:"
            + " org.openjdk.jmh.runner.RunnerException: ERROR: Another JMH instance might be"
            + " running. Unable to acquire the JMH lock (/tmp/jmh.lock), exiting.";
    assertThat(JmhLock.refused(refusal)).isTrue();
    assertThat(JmhLock.refused("JMH JVM exited with code 134")).isFalse();
    assertThat(JmhLock.refused(null)).isFalse();
  }
}
