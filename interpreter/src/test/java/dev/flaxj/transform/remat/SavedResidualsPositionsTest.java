package dev.flaxj.transform.remat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link SavedResiduals#withPositions}: JAX's {@code print_saved_residuals} lines with argument
 * names and source positions (the texts around the positions are jax 0.10.2's, see
 * print_saved_residuals of {@code lambda x, y: jnp.sin(x * y).sum()}).
 */
class SavedResidualsPositionsTest {
  private static final TreeFunction F = a -> Jnp.sum(Jnp.sin(Jnp.multiply(a[0], a[1])));

  @Test
  void argumentsAreNamedAndEquationsLocated() {
    AtomicInteger asked = new AtomicInteger();
    SavedResiduals r = SavedResiduals.withPositions(F, List.of("x", "y"),
        () -> "here:" + asked.incrementAndGet(), Jnp.ones(3), Jnp.ones(3));
    // jax 0.10.2 prints the arguments x and y, then "f32[3] output of cos from FILE:LINE:COL (<lambda>)"
    String text = r.toString();
    assertEquals(3, text.split("\n").length, text);
    assertEquals("f32[3] from the argument x\nf32[3] from the argument y\n",
        text.substring(0, text.indexOf("f32[3] output of cos from here:")));
    assertTrue(asked.get() > 0);
  }

  @Test
  void withoutALocatorNothingIsRecorded() {
    AtomicInteger asked = new AtomicInteger();
    SavedResiduals.withPositions(F, null, () -> "here:" + asked.incrementAndGet(), 1.0, 2.0);
    int during = asked.get();
    String plain = SavedResiduals.of(F, Jnp.ones(3), Jnp.ones(3)).toString();
    assertEquals(during, asked.get(), "the locator is only asked while its call runs");
    assertEquals("f32[3] from the argument at flattened index 0\n"
        + "f32[3] from the argument at flattened index 1\nf32[3] output of cos\n", plain);
  }
}
