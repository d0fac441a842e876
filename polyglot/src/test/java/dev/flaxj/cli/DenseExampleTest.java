package dev.flaxj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.random.Random;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseExampleTest {
  // flax.linen.Dense(3).init(jax.random.key(0), jnp.ones((1, 4))) and .apply(...) on ones,
  // printed by flax 0.12.8 with jax 0.10.2.
  private static final float[] FLAX_KERNEL = {
      0.0413083f, -0.8247015f, -0.8536315f,
      0.38350445f, 0.6081429f, 0.45915502f,
      0.09130077f, 0.462692f, 0.45960718f,
      -0.12504216f, 0.6136067f, 0.34637398f};
  private static final float[] FLAX_Y = {0.39107138f, 0.85974014f, 0.4115047f};

  @Test
  @SuppressWarnings("unchecked")
  void initialisesAsFlaxDoes() {
    Map<String, Object> vars = DenseExample.init(Random.key(0), 4, 3);
    Map<String, Object> params = (Map<String, Object>) vars.get("params");
    Array kernel = (Array) params.get("kernel");
    assertEquals("f32[4,3]", kernel.aval().str());
    assertArrayEquals(FLAX_KERNEL, kernel.toFloatArray(), 1e-6f);
    assertArrayEquals(new float[3], ((Array) params.get("bias")).toFloatArray());
    Array y = (Array) DenseExample.apply(vars, dev.flaxj.numpy.Jnp.ones(1, 4));
    assertArrayEquals(FLAX_Y, y.toFloatArray(), 1e-6f);
  }

  @Test
  void printsTheParameterTree() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DenseExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("PyTreeDef({'params': {'bias': *, 'kernel': *}})"), out);
    assertTrue(out.contains("['params']['kernel'] f32[4,3]"), out);
  }
}
