package dev.flaxj.python.conformance;

import dev.flaxj.python.PythonSession;
import dev.flaxj.python.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Runs corpus pages on flaxj in one {@link PythonSession} (on the shared engine), executing
 * {@code conformance_runner.py} there, which runs a page with the recorder's own parsing and
 * execution code: every page in fresh globals, the imported modules (jax, flax, the recorder)
 * shared, as {@code flaxj doctest} runs files. A page that fails with an error of the session
 * itself gets a new session for the pages after it. The session may read only the
 * conformance-tests folder and prints nowhere (examples' output is captured by the recorder code).
 */
final class PageRunner implements AutoCloseable {
  private static final String SCRIPT = "dev/flaxj/python/conformance/conformance_runner.py";

  private final Corpus corpus;
  private PythonSession session;
  private Value runPage;

  PageRunner(Corpus corpus) {
    this.corpus = corpus;
  }

  /** The records of the page's examples on flaxj, in run order (format of the goldens' examples). */
  List<Map<String, Object>> run(String page) {
    String json;
    try {
      json = runPage().execute(corpus.tools().toString(), page).asString();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (Object record : Json.array(Json.parse(json))) {
      records.add(Json.object(record));
    }
    return records;
  }

  private Value runPage() {
    if (session == null) {
      session = PythonSession.open(Sandbox.readOnly(corpus.dir()),
          InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
      runPage = session.exec("flaxj_conformance_runner", script()).getHashValue("run_page");
    }
    return runPage;
  }

  static String script() {
    try (InputStream in = PageRunner.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCRIPT);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
      session = null;
      runPage = null;
    }
  }
}
