package io.mlpbench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches {@code <base>/<file>.gz} from one HTTP(S) mirror that serves the classic file names (e.g.
 * {@code train-images-idx3-ubyte.gz}); stored uncompressed after checksum verification.
 */
final class MirrorFetcher implements Fetcher {
  // short: on a closed network an unreachable built-in mirror must not delay the npm fallback long
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);

  private final URI base;
  private final HttpClient client;

  MirrorFetcher(URI base, HttpClient client) {
    String text = base.toString();
    this.base = text.endsWith("/") ? base : URI.create(text + "/");
    this.client = client;
  }

  static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  /** Parses a comma-separated list of http(s) base URLs; blanks are skipped. */
  static List<URI> parseMirrors(String list, String origin) {
    List<URI> mirrors = new ArrayList<>();
    for (String part : list.split(",")) {
      String text = part.trim();
      if (text.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(text);
      } catch (IllegalArgumentException e) {
        throw new DatasetUnavailableException(
            origin + ": expected comma-separated http(s) URLs, found '" + text + "'", e);
      }
      requireHttp(uri, origin);
      mirrors.add(uri);
    }
    return mirrors;
  }

  static void requireHttp(URI uri, String origin) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new DatasetUnavailableException(
          origin + ": expected an http(s) mirror URL, found '" + uri + "'");
    }
  }

  @Override
  public String description() {
    return "mirror " + base;
  }

  /** Tries every file, so a mirror lacking one still provides the others; then reports. */
  @Override
  public void fetch(List<ExpectedFile> files, Path directory) throws IOException {
    Exception firstFailure = null;
    List<String> problems = new ArrayList<>();
    for (ExpectedFile file : files) {
      try {
        fetchOne(file, directory);
      } catch (DatasetException | IOException e) {
        problems.add(e.getMessage());
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    if (!problems.isEmpty()) {
      throw new DatasetUnavailableException(String.join("; ", problems), firstFailure);
    }
  }

  private void fetchOne(ExpectedFile file, Path directory) throws IOException {
    URI uri = base.resolve(file.fileName() + ".gz");
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetUnavailableException("GET " + uri + " was interrupted", e);
    } catch (IOException e) {
      throw new DatasetUnavailableException("GET " + uri + " failed: " + e, e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new DatasetUnavailableException(
            "GET " + uri + ": expected HTTP 200, found " + response.statusCode());
      }
      VerifiedFileWriter.write(body, directory.resolve(file.fileName()), file, uri.toString());
    }
  }
}
