package dev.flaxj.python.flax;

import dev.flaxj.python.PythonSession;
import dev.flaxj.python.Sandbox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/** A sandboxed Python session for the flax tests: run snippets, read their globals and output. */
final class FlaxPython implements AutoCloseable {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PythonSession session;

  /** A session that may read under {@code dir}. */
  FlaxPython(Path dir) {
    session = PythonSession.open(new Sandbox(List.of(dir), false),
        new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream());
  }

  /** Runs {@code code} (with jax, jnp, nn imported) in fresh globals; returns the globals. */
  Value run(String code) {
    return session.exec("snippet", "import jax, jax.numpy as jnp\nimport flax\nimport flax.linen as nn\n"
        + code);
  }

  /** The float list {@code name} that {@code code} leaves in its globals. */
  double[] floats(String code, String name) {
    Value list = run(code).getHashValue(name);
    double[] d = new double[(int) list.getArraySize()];
    for (int i = 0; i < d.length; i++) {
      d[i] = list.getArrayElement(i).asDouble();
    }
    return d;
  }

  /** The string {@code name} that {@code code} leaves in its globals. */
  String string(String code, String name) {
    return run(code).getHashValue(name).asString();
  }

  /**
   * Runs the examples of the page whose golden file is {@code golden} (recorded from flax 0.12.8)
   * with {@code golden_check.py}; returns the mismatches (empty if all agree).
   */
  List<String> goldenMismatches(Path golden) throws IOException {
    String checker = Files.readString(Path.of("src/test/resources/flax/golden_check.py"));
    String path = "'" + golden.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    Value mismatches = run(checker + "\nmismatches = check(" + path + ")\n").getHashValue("mismatches");
    List<String> found = new ArrayList<>();
    for (int i = 0; i < mismatches.getArraySize(); i++) {
      found.add(mismatches.getArrayElement(i).asString());
    }
    return found;
  }

  int doctest(Path file) {
    out.reset();
    return session.doctest(List.of(file));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    session.close();
  }
}
